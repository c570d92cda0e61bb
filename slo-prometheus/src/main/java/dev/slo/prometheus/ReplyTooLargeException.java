package dev.slo.prometheus;

import java.io.IOException;

/** A reply went past its byte limit while being read; the reading stops there. */
final class ReplyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  final long limit;

  ReplyTooLargeException(long limit) {
    super("reply larger than " + limit + " bytes");
    this.limit = limit;
  }
}
