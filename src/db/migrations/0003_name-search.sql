-- Name search that tolerates misspellings and partial names: trigram indexes over current and other names.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX person_full_name_trgm_idx ON person USING gin ((lower(given_name || ' ' || family_name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX person_name_full_name_trgm_idx ON person_name USING gin ((lower(given_name || ' ' || family_name)) gin_trgm_ops);
