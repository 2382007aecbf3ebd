import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        street text NOT NULL,
        postcode text NOT NULL,
        city text NOT NULL,
        municipality text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE transmitters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account text NOT NULL UNIQUE CHECK (account ~ '^[0-9A-F]{3,16}$'),
        site_id uuid NOT NULL REFERENCES sites(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX transmitters_site_idx ON transmitters (site_id)`);

    await queryRunner.query(`CREATE SEQUENCE case_no_seq`);
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_no text NOT NULL UNIQUE
          DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(nextval('case_no_seq')::text, 7, '0')),
        case_key text NOT NULL,
        site_id uuid REFERENCES sites(id),
        account text NOT NULL,
        category text NOT NULL CHECK (category IN ('FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE')),
        priority smallint NOT NULL CHECK (priority BETWEEN 1 AND 100),
        status text NOT NULL CHECK (status IN ('QUEUED', 'ACCEPTED', 'CLOSED')),
        title text NOT NULL,
        unknown_transmitter boolean NOT NULL DEFAULT false,
        signal_count integer NOT NULL DEFAULT 1,
        version integer NOT NULL DEFAULT 1,
        queued_at timestamptz NOT NULL DEFAULT now(),
        last_signal_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        closed_at timestamptz
      )`);
    // Guarantee 3: at most one open case per site (or unknown account) and category.
    await queryRunner.query(
      `CREATE UNIQUE INDEX cases_one_open_per_key_idx ON cases (case_key, category) WHERE status <> 'CLOSED'`,
    );
    await queryRunner.query(`CREATE INDEX cases_open_idx ON cases (priority, queued_at) WHERE status <> 'CLOSED'`);
    await queryRunner.query(`CREATE INDEX cases_site_idx ON cases (site_id, queued_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE signals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now(),
        occurred_at timestamptz,
        source text NOT NULL CHECK (source IN ('http', 'dc09-tcp', 'dc09-udp')),
        raw text NOT NULL,
        account text NOT NULL,
        transmitter_id uuid REFERENCES transmitters(id),
        protocol text NOT NULL CHECK (protocol IN ('SIA', 'CID')),
        code text NOT NULL,
        zone text,
        area text,
        text text,
        kind text NOT NULL CHECK (kind IN ('ALARM', 'RESTORE', 'LOG', 'TEST')),
        category text CHECK (category IN ('FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE')),
        dedup_key text,
        case_id uuid REFERENCES cases(id),
        evaluated_at timestamptz
      )`);
    // Guarantee 2: a retransmitted signal is stored once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX signals_dedup_idx ON signals (account, dedup_key) WHERE dedup_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX signals_account_received_idx ON signals (account, received_at)`);
    await queryRunner.query(`CREATE INDEX signals_case_idx ON signals (case_id) WHERE case_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX signals_unevaluated_idx ON signals (id) WHERE evaluated_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE case_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        signal_id bigint REFERENCES signals(id),
        data jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, id)`);
    await queryRunner.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_events`);
    await queryRunner.query(`DROP FUNCTION case_events_append_only`);
    await queryRunner.query(`DROP TABLE signals`);
    await queryRunner.query(`DROP TABLE cases`);
    await queryRunner.query(`DROP SEQUENCE case_no_seq`);
    await queryRunner.query(`DROP TABLE transmitters`);
    await queryRunner.query(`DROP TABLE sites`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
