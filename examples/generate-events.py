#!/usr/bin/env python3
"""Writes examples/events.csv: 35 days of 10-minute event counts ending 2026-11-20T12:00:00Z.

Deterministic (fixed seed). checkout-availability has a fast burn in the last hour, search-latency
a slow burn over the last two days, payments-availability a few bad slices.
"""
import random
from datetime import datetime, timedelta, timezone

random.seed(42)
end = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
start = end - timedelta(days=35)
step = timedelta(minutes=10)
rows = []
t = start + step
while t <= end:
    age = end - t
    total = random.randint(900, 1100)
    bad = sum(1 for _ in range(3) if random.random() < 0.1)  # ~0.03% errors
    if age < timedelta(hours=1):
        bad = int(total * 0.02)  # fast burn: 20x
    rows.append((t, "checkout-availability", total - bad, total))
    total = random.randint(400, 600)
    slow = int(total * 0.012) if age < timedelta(days=2) else random.randint(0, 3)
    rows.append((t, "search-latency", total - slow, total))
    total = random.randint(50, 80)
    bad = total // 5 if random.random() < 0.004 else 0
    rows.append((t, "payments-availability", total - bad, total))
    t += step
with open("examples/events.csv", "w") as f:
    f.write("timestamp,slo_id,good_events,total_events\n")
    for t, slo, good, total in rows:
        f.write(f"{t.strftime('%Y-%m-%dT%H:%M:%SZ')},{slo},{good},{total}\n")
