package dev.arbiter.model.money;

/** Text that is not an amount of money; the message is written to be shown to the user. */
public class MoneyFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MoneyFormatException(String message) {
    super(message);
  }
}
