package io.kanisterhooks.database;

import io.kanisterhooks.cluster.junit.SampleApps;

/**
 * {@code postgresql-hooks}: CHECKPOINT and default_transaction_read_only around a pg_dump of the PostgreSQL
 * StatefulSet.
 */
class PostgresqlHooksTest extends DatabaseHooksTest {
    /** psql on the application's database (a new session: it gets the server's current default). */
    private static final String PSQL = "psql -v ON_ERROR_STOP=1 -U postgres -d \"$POSTGRES_DB\" -At -c ";

    @Override
    SampleApps app() {
        return SampleApps.POSTGRES;
    }

    @Override
    String hooks() {
        return "postgresql-hooks";
    }

    @Override
    String createOrders() {
        return PSQL + "\"CREATE TABLE orders (id int PRIMARY KEY, item text)\""
                + " -c \"INSERT INTO orders VALUES (1, 'tea'), (2, 'cake')\"";
    }

    @Override
    String dump() {
        return "pg_dump -U postgres \"$POSTGRES_DB\"";
    }

    @Override
    String insert(int id, String item) {
        return PSQL + "\"INSERT INTO orders VALUES (" + id + ", '" + item + "')\"";
    }

    @Override
    String rows() {
        return PSQL + "\"SELECT id || ' ' || item FROM orders ORDER BY id\"";
    }

    @Override
    String dumpedRows() {
        return "COPY public.orders (id, item) FROM stdin;\n1\ttea\n2\tcake\n\\.";
    }

    @Override
    String refusal() {
        return "ERROR:  cannot execute INSERT in a read-only transaction";
    }

    @Override
    String readOnlySetting() {
        return "on";
    }

    @Override
    String readOnlyQuery() {
        return "psql -U postgres -At -c 'SHOW default_transaction_read_only'";
    }

    @Override
    String writableSetting() {
        return "off";
    }
}
