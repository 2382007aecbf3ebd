import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory: customers, contracts, sites, transmitters, authorization lists with persons,
 * service companies with installers and approvals, contacts with routes, on-call rosters,
 * action plans with steps, and the audit log. Trigram indexes serve the typo-tolerant search.
 */
export class Directory1764000000000 implements MigrationInterface {
  name = 'Directory1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_no text NOT NULL UNIQUE,
        name text NOT NULL,
        org_no text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_no text NOT NULL UNIQUE,
        customer_id uuid NOT NULL REFERENCES customers(id),
        manager_name text NOT NULL,
        manager_phone text,
        manager_email text,
        yearly_event_quota integer NOT NULL CHECK (yearly_event_quota >= 0),
        start_date date NOT NULL,
        term_months integer NOT NULL CHECK (term_months > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX contracts_customer_idx ON contracts (customer_id)`);
    await queryRunner.query(`
      ALTER TABLE sites
        ADD COLUMN address_ref text,
        ADD COLUMN contract_id uuid REFERENCES contracts(id),
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX sites_contract_idx ON sites (contract_id)`);
    await queryRunner.query(`
      ALTER TABLE transmitters
        ADD COLUMN input_category text CHECK (input_category IN ('FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'))`);

    await queryRunner.query(`
      CREATE TABLE service_companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        org_no text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE service_company_sites (
        service_company_id uuid NOT NULL REFERENCES service_companies(id) ON DELETE CASCADE,
        site_id uuid NOT NULL REFERENCES sites(id),
        PRIMARY KEY (service_company_id, site_id)
      )`);
    await queryRunner.query(`CREATE INDEX service_company_sites_site_idx ON service_company_sites (site_id)`);
    await queryRunner.query(`
      CREATE TABLE authorization_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        service_company_id uuid UNIQUE REFERENCES service_companies(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE authorization_list_sites (
        list_id uuid NOT NULL REFERENCES authorization_lists(id) ON DELETE CASCADE,
        site_id uuid NOT NULL REFERENCES sites(id),
        PRIMARY KEY (list_id, site_id)
      )`);
    await queryRunner.query(`CREATE INDEX authorization_list_sites_site_idx ON authorization_list_sites (site_id)`);
    await queryRunner.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES authorization_lists(id) ON DELETE CASCADE,
        name text NOT NULL,
        phone text NOT NULL,
        level text NOT NULL CHECK (level IN ('A', 'B', 'C')),
        password_hash text,
        valid_from date,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
      )`);
    await queryRunner.query(`CREATE INDEX persons_list_idx ON persons (list_id)`);
    await queryRunner.query(`
      CREATE TABLE approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_company_id uuid NOT NULL REFERENCES service_companies(id) ON DELETE CASCADE,
        person_id uuid REFERENCES persons(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('POLICE_INTRUSION', 'FIRE_CERTIFICATE')),
        reference text NOT NULL,
        valid_from date,
        valid_to date
      )`);
    await queryRunner.query(`CREATE INDEX approvals_company_idx ON approvals (service_company_id)`);

    await queryRunner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES sites(id),
        name text NOT NULL,
        note text,
        position integer NOT NULL,
        routes jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX contacts_site_idx ON contacts (site_id, position)`);
    await queryRunner.query(`
      CREATE TABLE on_call_rosters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        rotation_start date NOT NULL,
        members jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE action_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES sites(id),
        category text NOT NULL CHECK (category IN ('FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (site_id, category)
      )`);
    await queryRunner.query(`
      CREATE TABLE action_plan_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES action_plans(id) ON DELETE CASCADE,
        position integer NOT NULL,
        type text NOT NULL CHECK (type IN ('CALL_CONTACT', 'CALL_ON_CALL', 'DISPATCH_GUARD', 'ALERT_RESCUE_SERVICE',
                                           'ALERT_POLICE', 'INSTRUCTION')),
        contact_id uuid REFERENCES contacts(id),
        roster_id uuid REFERENCES on_call_rosters(id),
        instruction text,
        mandatory boolean NOT NULL DEFAULT false,
        UNIQUE (plan_id, position)
      )`);
    await queryRunner.query(`CREATE INDEX action_plan_steps_contact_idx ON action_plan_steps (contact_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES users(id),
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);

    // Typo-tolerant search (target: under 50 ms on 10,000 sites). Names and addresses are
    // searched by nearest neighbours (GiST, ORDER BY <<-> LIMIT): a handful of index pages per
    // query. Numbers and phones are prefix or substring matches (GIN).
    for (const [name, table, column] of [
      ['sites_name_trgm', 'sites', 'name'],
      ['sites_street_trgm', 'sites', 'street'],
      ['sites_city_trgm', 'sites', 'city'],
      ['customers_name_trgm', 'customers', 'name'],
      ['persons_name_trgm', 'persons', 'name'],
    ]) {
      await queryRunner.query(`CREATE INDEX ${name} ON ${table} USING gist (${column} gist_trgm_ops)`);
    }
    for (const [name, table, column] of [
      ['customers_no_trgm', 'customers', 'customer_no'],
      ['contracts_no_trgm', 'contracts', 'contract_no'],
      ['transmitters_account_trgm', 'transmitters', 'account'],
      ['persons_phone_trgm', 'persons', 'phone'],
    ]) {
      await queryRunner.query(`CREATE INDEX ${name} ON ${table} USING gin (${column} gin_trgm_ops)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'action_plan_steps',
      'action_plans',
      'on_call_rosters',
      'contacts',
      'approvals',
      'persons',
      'authorization_list_sites',
      'authorization_lists',
      'service_company_sites',
      'service_companies',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    for (const index of ['sites_name_trgm', 'sites_street_trgm', 'sites_city_trgm', 'transmitters_account_trgm']) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    await queryRunner.query(`ALTER TABLE transmitters DROP COLUMN input_category`);
    await queryRunner.query(
      `ALTER TABLE sites DROP COLUMN address_ref, DROP COLUMN contract_id, DROP COLUMN archived_at, DROP COLUMN updated_at`,
    );
    await queryRunner.query(`DROP TABLE contracts`);
    await queryRunner.query(`DROP TABLE customers`);
  }
}
