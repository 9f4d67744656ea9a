package io.kanisterhooks.database;

import io.kanisterhooks.cluster.junit.SampleApps;

/** {@code mariadb-hooks}: FLUSH TABLES and read_only around a mariadb-dump of the MariaDB StatefulSet. */
class MariaDbHooksTest extends DatabaseHooksTest {
    /** The mariadb client as the application's user (no SUPER, no READ ONLY ADMIN), on its database. */
    private static final String APP = "MYSQL_PWD=\"$MARIADB_PASSWORD\" mariadb -u\"$MARIADB_USER\" --skip-column-names"
            + " \"$MARIADB_DATABASE\" -e ";

    @Override
    SampleApps app() {
        return SampleApps.MARIADB;
    }

    @Override
    String hooks() {
        return "mariadb-hooks";
    }

    @Override
    String createOrders() {
        return APP + "\"CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40));"
                + " INSERT INTO orders VALUES (1, 'tea'), (2, 'cake')\"";
    }

    @Override
    String dump() {
        return "MYSQL_PWD=\"$MARIADB_ROOT_PASSWORD\" mariadb-dump -uroot \"$MARIADB_DATABASE\"";
    }

    @Override
    String insert(int id, String item) {
        return APP + "\"INSERT INTO orders VALUES (" + id + ", '" + item + "')\"";
    }

    @Override
    String rows() {
        return APP + "\"SELECT CONCAT(id, ' ', item) FROM orders ORDER BY id\"";
    }

    @Override
    String dumpedRows() {
        return "INSERT INTO `orders` VALUES\n(1,'tea'),\n(2,'cake');";
    }

    @Override
    String refusal() {
        return "ERROR 1290 (HY000) at line 1: The MariaDB server is running with the --read-only option";
    }

    @Override
    String readOnlySetting() {
        return "1";
    }

    @Override
    String readOnlyQuery() {
        return "MYSQL_PWD=\"$MARIADB_ROOT_PASSWORD\" mariadb -uroot --skip-column-names -e 'SELECT @@global.read_only'";
    }

    @Override
    String writableSetting() {
        return "0";
    }
}
