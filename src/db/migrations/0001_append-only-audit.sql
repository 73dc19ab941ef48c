-- Statement-level, so even an UPDATE or DELETE that matches no row, and TRUNCATE, are refused.
-- The access log and change history are evidence: nobody, not even the application, may alter or remove a row.
CREATE OR REPLACE FUNCTION hearth_refuse_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_audit_rewrite();
--> statement-breakpoint
CREATE TRIGGER change_history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON change_history
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_audit_rewrite();
