-- A proposal must fit its dispute, whoever writes it: the console checks this first for a good
-- message, but support could otherwise file a split that does not add up, or in another currency,
-- and finance would only find out when execute_settlement refuses it.
CREATE FUNCTION check_settlement_fits_dispute() RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  v_amount   bigint;
  v_currency text;
BEGIN
  SELECT amount_disputed_minor, currency INTO v_amount, v_currency
    FROM disputes WHERE id = NEW.dispute_id;
  IF NEW.currency <> v_currency THEN
    RAISE EXCEPTION 'settlement currency % differs from the dispute''s %', NEW.currency, v_currency
      USING ERRCODE = '23514', CONSTRAINT = 'settlements_fit_dispute';
  END IF;
  IF NEW.payee_minor + NEW.payer_minor > v_amount
     OR (NEW.outcome = 'split' AND NEW.payee_minor + NEW.payer_minor <> v_amount) THEN
    RAISE EXCEPTION 'settlement pays out % of a disputed %', NEW.payee_minor + NEW.payer_minor, v_amount
      USING ERRCODE = '23514', CONSTRAINT = 'settlements_fit_dispute';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER settlements_fit_dispute BEFORE INSERT ON settlements
  FOR EACH ROW EXECUTE FUNCTION check_settlement_fits_dispute();
