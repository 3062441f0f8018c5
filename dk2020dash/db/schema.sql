-- The DK2020 store at its newest schema version (migrations.SCHEMA_VERSION; DESIGN.md section 3; MIGRATIONS
-- upgrades older files). Lists of allowed values mirror domain.py; tests/test_store.py checks that the two agree.

CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE sector (
    code            VARCHAR PRIMARY KEY,
    label_da        VARCHAR NOT NULL,
    label_en        VARCHAR NOT NULL,
    sector_group    VARCHAR NOT NULL
        CHECK (sector_group IN ('energi', 'transport', 'landbrug', 'lulucf', 'affald', 'industri')),
    gpc             VARCHAR NOT NULL CHECK (gpc IN ('I', 'II', 'III', 'IV', 'V')),
    can_be_negative BOOLEAN NOT NULL
);

CREATE TABLE municipality (
    code              INTEGER PRIMARY KEY CHECK (code BETWEEN 100 AND 999),
    name              VARCHAR NOT NULL UNIQUE,
    region            VARCHAR NOT NULL
        CHECK (region IN ('Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland')),
    region_code       INTEGER NOT NULL,
    label_lat         DOUBLE NOT NULL CHECK (label_lat BETWEEN 54 AND 58),
    label_lon         DOUBLE NOT NULL CHECK (label_lon BETWEEN 7 AND 16),
    area_km2          DOUBLE NOT NULL CHECK (area_km2 > 0),
    cohort            VARCHAR NOT NULL
        CHECK (cohort IN ('pilot_2019', 'round_2020', 'c40_own_plan', '2021_or_later')),
    population        INTEGER CHECK (population > 0),
    population_year   INTEGER CHECK (population_year BETWEEN 1990 AND 2100),
    population_approx BOOLEAN NOT NULL DEFAULT true
);

CREATE SEQUENCE edition_id START 1;
CREATE TABLE edition (
    id          INTEGER PRIMARY KEY DEFAULT nextval('edition_id'),
    name        VARCHAR NOT NULL UNIQUE,
    source      VARCHAR NOT NULL,
    published   DATE,
    is_demo     BOOLEAN NOT NULL DEFAULT false,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    withdrawn_at TIMESTAMP  -- withdrawn by an admin (the reason and who in audit): counts nowhere while set
);

CREATE TABLE emission (
    municipality INTEGER NOT NULL REFERENCES municipality (code),
    year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    sector       VARCHAR NOT NULL REFERENCES sector (code),
    edition      INTEGER NOT NULL REFERENCES edition (id),
    tco2e        DOUBLE NOT NULL CHECK (isfinite(tco2e)),
    estimated    BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (municipality, year, sector, edition)
);

CREATE TABLE plan (
    municipality    INTEGER PRIMARY KEY REFERENCES municipality (code),
    adopted         DATE,
    approved        DATE,
    baseline_year   INTEGER NOT NULL CHECK (baseline_year BETWEEN 1990 AND 2100),
    baseline_tco2e  DOUBLE CHECK (baseline_tco2e > 0),  -- the baseline as adopted in the plan
    net_zero_year   INTEGER NOT NULL CHECK (net_zero_year BETWEEN 1990 AND 2100),
    revision_due    DATE,
    is_demo         BOOLEAN NOT NULL DEFAULT false,
    CHECK (net_zero_year > baseline_year)
);

-- Interim targets of a plan: reduction (0..1) versus the baseline by target year.
CREATE TABLE plan_target (
    municipality  INTEGER NOT NULL REFERENCES plan (municipality),
    target_year   INTEGER NOT NULL CHECK (target_year BETWEEN 1990 AND 2100),
    reduction     DOUBLE NOT NULL CHECK (reduction >= 0 AND reduction <= 1),
    PRIMARY KEY (municipality, target_year)
);

CREATE TABLE scenario (
    municipality INTEGER NOT NULL REFERENCES municipality (code),
    kind         VARCHAR NOT NULL CHECK (kind IN ('bau', 'plan')),
    year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    tco2e        DOUBLE NOT NULL CHECK (isfinite(tco2e)),
    is_demo      BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (municipality, kind, year)
);

CREATE SEQUENCE action_id START 1;
CREATE TABLE action (
    id               INTEGER PRIMARY KEY DEFAULT nextval('action_id'),
    municipality     INTEGER NOT NULL REFERENCES municipality (code),
    title            VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    sector           VARCHAR REFERENCES sector (code),
    kind             VARCHAR NOT NULL DEFAULT 'mitigation' CHECK (kind IN ('mitigation', 'adaptation')),
    status           VARCHAR NOT NULL
        CHECK (status IN ('planned', 'in_progress', 'completed', 'delayed', 'paused', 'cancelled')),
    start_date       DATE,
    end_date         DATE,
    expected_2030_t  DOUBLE CHECK (expected_2030_t >= 0),  -- expected reduction in 2030, tCO2e per year
    responsible      VARCHAR,
    budget_dkk       DOUBLE CHECK (budget_dkk >= 0),
    last_updated     DATE NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    is_demo          BOOLEAN NOT NULL DEFAULT false,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE SEQUENCE action_event_id START 1;
CREATE TABLE action_event (
    id          INTEGER PRIMARY KEY DEFAULT nextval('action_event_id'),
    action_id   INTEGER NOT NULL REFERENCES action (id),
    changed_on  TIMESTAMP NOT NULL,  -- when: day and time (rows from before migrations.TRAIL_VERSION at midnight)
    who         VARCHAR NOT NULL,
    old_status  VARCHAR CHECK (old_status IN ('planned', 'in_progress', 'completed', 'delayed', 'paused', 'cancelled')),
    new_status  VARCHAR NOT NULL
        CHECK (new_status IN ('planned', 'in_progress', 'completed', 'delayed', 'paused', 'cancelled')),
    note        VARCHAR
);

CREATE SEQUENCE milestone_id START 1;
CREATE TABLE milestone (
    id            INTEGER PRIMARY KEY DEFAULT nextval('milestone_id'),
    municipality  INTEGER NOT NULL REFERENCES municipality (code),
    kind          VARCHAR NOT NULL
        CHECK (kind IN ('joined', 'plan_approved', 'plan_adopted', 'status_report', 'plan_revision')),
    due           DATE NOT NULL,
    done          DATE,
    note          VARCHAR,
    is_demo       BOOLEAN NOT NULL DEFAULT false
);

CREATE SEQUENCE import_log_id START 1;
CREATE TABLE import_log (
    id         INTEGER PRIMARY KEY DEFAULT nextval('import_log_id'),
    logged_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    who        VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    file_name  VARCHAR,
    sha256     VARCHAR,
    rows       INTEGER CHECK (rows >= 0),
    outcome    VARCHAR NOT NULL CHECK (outcome IN ('imported', 'rejected', 'dry_run', 'duplicate', 'demo', 'restored')),
    message    VARCHAR
);

-- Who may write (DESIGN.md section 7): editors and admins; everyone else is a viewer. E-mail normalised (auth.
-- normalise_email: NFKC, lower case, plain ASCII). password_hash is an argon2 hash for a local account (NULL for
-- single sign-on); never exported. idp_issuer + idp_subject: the provider identity the account is bound to on its
-- first single sign-on with the e-mail verified (Entra ID: 'entra:<tenant id>' and the object id; else the token's
-- iss and sub), since idp_bound_at (added by migrations.IDENTITY_VERSION); afterwards only that identity
-- is this account. A local account is never bound (never reachable through the provider).
CREATE TABLE app_user (
    email          VARCHAR PRIMARY KEY CHECK (email = lower(trim(email)) AND contains(email, '@')),
    role           VARCHAR NOT NULL CHECK (role IN ('editor', 'admin')),
    password_hash  VARCHAR CHECK (password_hash IS NULL OR starts_with(password_hash, '$argon2')),
    granted_by     VARCHAR NOT NULL,
    granted_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    idp_issuer     VARCHAR,
    idp_subject    VARCHAR,
    idp_bound_at   TIMESTAMP,
    CHECK ((idp_issuer IS NULL) = (idp_subject IS NULL) AND (idp_subject IS NULL) = (idp_bound_at IS NULL)),
    CHECK (password_hash IS NULL OR idp_subject IS NULL)
);

-- An editor's scope: one row per granted region or municipality (exactly one of the two per row). No foreign keys
-- (auth.py checks the values): DuckDB 1.5 cannot delete a parent row in the transaction that deleted its children,
-- and removing a user removes both in one transaction.
CREATE TABLE app_user_scope (
    email         VARCHAR NOT NULL,
    region        VARCHAR CHECK (region IN ('Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland')),
    municipality  INTEGER CHECK (municipality BETWEEN 100 AND 999),
    CHECK ((region IS NULL) <> (municipality IS NULL))
);

-- Every change that is not an action's status (those are in action_event): edits of other action fields,
-- every milestone change, every grant. row_id is the changed row's key as text (an id, or an e-mail).
CREATE SEQUENCE audit_id START 1;
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY DEFAULT nextval('audit_id'),
    table_name  VARCHAR NOT NULL,
    row_id      VARCHAR NOT NULL,
    field       VARCHAR NOT NULL,
    old         VARCHAR,
    new         VARCHAR,
    who         VARCHAR NOT NULL,
    changed_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    note        VARCHAR
);

-- Climate adaptation (schema version 4; store.MIGRATIONS[4] creates the same tables in an older file).
-- A municipality's climate risk assessment: one level per hazard, with the year (and, where known, the day) it
-- was assessed.
CREATE TABLE risk (
    municipality  INTEGER NOT NULL REFERENCES municipality (code),
    hazard        VARCHAR NOT NULL
        CHECK (hazard IN ('skybrud', 'stormflod', 'havvandsstigning', 'grundvand', 'vandloeb', 'hedeboelge', 'toerke', 'erosion')),
    level         VARCHAR NOT NULL CHECK (level IN ('lav', 'middel', 'hoej', 'meget_hoej')),
    assessed_year INTEGER NOT NULL CHECK (assessed_year BETWEEN 1990 AND 2100),
    assessed_on   DATE,
    note          VARCHAR,
    is_demo       BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (municipality, hazard)
);

-- The hazards an adaptation action addresses (none, one or several).
CREATE TABLE action_hazard (
    action_id INTEGER NOT NULL REFERENCES action (id),
    hazard    VARCHAR NOT NULL
        CHECK (hazard IN ('skybrud', 'stormflod', 'havvandsstigning', 'grundvand', 'vandloeb', 'hedeboelge', 'toerke', 'erosion')),
    PRIMARY KEY (action_id, hazard)
);

-- A protection target an adaptation action states: the return period it protects against, in years, or the
-- number of buildings it protects.
CREATE TABLE action_protection (
    action_id INTEGER NOT NULL REFERENCES action (id),
    kind      VARCHAR NOT NULL CHECK (kind IN ('return_period_years', 'buildings_protected')),
    value     DOUBLE NOT NULL CHECK (value > 0 AND isfinite(value)),
    PRIMARY KEY (action_id, kind)
);

-- Local sign-in attempts (schema version 5; store.MIGRATIONS[5]): the throttle's shared state (auth.Throttle), so
-- every app process and server counts the same attempts. A row is reserved before the password is checked and
-- counts as a failure until that sign-in succeeds (ok). Keys are hashes (of the e-mail, of the client), never the
-- e-mail or address itself; tried_at is seconds since 1970. Transient: not data, so no export or backup holds it
-- (migrations.TRANSIENT_TABLES), and a write to it does not move the data version.
CREATE TABLE signin_attempt (
    token      VARCHAR PRIMARY KEY,
    email_key  VARCHAR NOT NULL,
    client_key VARCHAR NOT NULL,
    tried_at   DOUBLE NOT NULL CHECK (isfinite(tried_at)),
    ok         BOOLEAN NOT NULL DEFAULT false
);
