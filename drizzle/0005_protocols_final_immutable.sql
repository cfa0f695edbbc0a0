-- A final protocol must never change (KL 5:69 justering; DOMAIN.md "After justering the protocol is
-- final and must never change"): the database itself refuses it, whatever the application does.
CREATE FUNCTION kansli_protocol_final_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'protocol % is final and cannot be changed', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocols_final_guard BEFORE UPDATE OR DELETE ON protocols
  FOR EACH ROW EXECUTE FUNCTION kansli_protocol_final_guard();
--> statement-breakpoint
CREATE FUNCTION kansli_paragraph_final_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  protocol_status text;
BEGIN
  SELECT status INTO protocol_status FROM protocols
   WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.protocol_id ELSE OLD.protocol_id END;
  -- A restore from backup re-inserts the paragraphs of final protocols (backup.ts sets this).
  IF TG_OP = 'INSERT' AND current_setting('kansli.restoring', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF protocol_status = 'final' THEN
    RAISE EXCEPTION 'the paragraphs of a final protocol cannot be changed';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_paragraphs_final_guard BEFORE INSERT OR UPDATE OR DELETE ON protocol_paragraphs
  FOR EACH ROW EXECUTE FUNCTION kansli_paragraph_final_guard();
--> statement-breakpoint
CREATE FUNCTION kansli_signature_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a justering signature cannot be changed or removed';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER protocol_signatures_immutable BEFORE UPDATE OR DELETE ON protocol_signatures
  FOR EACH ROW EXECUTE FUNCTION kansli_signature_immutable();
