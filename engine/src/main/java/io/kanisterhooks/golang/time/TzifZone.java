package io.kanisterhooks.golang.time;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The zone abbreviations of one compiled tz database file (TZif, RFC 8536).
 *
 * <p>java.time knows every offset of the tz database but not its abbreviations: it reports CLDR names ("BRT") where
 * Go, which reads the same files as this class, prints "-03". Offsets keep coming from java.time; this class only
 * names them.
 */
final class TzifZone {

    /** One local time type of the file: UTC offset in seconds, DST flag and abbreviation. */
    record ZoneType(int offset, boolean dst, String name) {
    }

    private final long[] transitions;
    private final int[] transitionTypes;
    private final List<ZoneType> types;
    private final PosixTzNames footer;

    private TzifZone(long[] transitions, int[] transitionTypes, List<ZoneType> types, String footer) {
        this.transitions = transitions;
        this.transitionTypes = transitionTypes;
        this.types = types;
        this.footer = PosixTzNames.parse(footer);
    }

    /** Reads {@code <dir>/<name>} from the zoneinfo directory Go would use; empty when absent or unreadable. */
    static Optional<TzifZone> load(String name) {
        for (Path dir : zoneinfoDirectories()) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(parse(Files.readAllBytes(file)));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> zoneinfoDirectories() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv("ZONEINFO");
        if (env != null && !env.isEmpty()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("/usr/share/zoneinfo"));
        dirs.add(Path.of("/usr/share/lib/zoneinfo"));
        dirs.add(Path.of("/usr/lib/locale/TZ"));
        return dirs;
    }

    static TzifZone parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        Header v1 = Header.read(in);
        if (v1.version == 0) {
            return v1.readBody(in, 4, "");
        }
        v1.skipBody(in, 4);
        Header v2 = Header.read(in);
        int bodyStart = in.position();
        v2.skipBody(in, 8);
        String footer = readFooter(in);
        in.position(bodyStart);
        return v2.readBody(in, 8, footer);
    }

    private static String readFooter(ByteBuffer in) {
        if (!in.hasRemaining() || in.get() != '\n') {
            return "";
        }
        int start = in.position();
        while (in.hasRemaining() && in.get(in.position()) != '\n') {
            in.get();
        }
        return new String(in.array(), start, in.position() - start, StandardCharsets.US_ASCII);
    }

    /** The abbreviation Go shows for the instant, given the offset and DST flag java.time computed for it. */
    String nameAt(long unixSeconds, int offset, boolean dst) {
        if (transitions.length == 0 || unixSeconds < transitions[0]) {
            ZoneType first = types.get(firstZoneIndex());
            return first.name();
        }
        int i = Arrays.binarySearch(transitions, unixSeconds);
        int idx = i >= 0 ? i : -i - 2;
        if (idx == transitions.length - 1 && !footer.standardName().isEmpty()) {
            // Past the last transition Go evaluates the footer rule; its zone is the one with this offset.
            return footer.nameFor(offset, dst);
        }
        return types.get(transitionTypes[idx]).name();
    }

    /** Go's rule for instants before the first transition (Location.lookupFirstZone). */
    private int firstZoneIndex() {
        boolean firstUsed = false;
        for (int t : transitionTypes) {
            if (t == 0) {
                firstUsed = true;
                break;
            }
        }
        if (!firstUsed) {
            return 0;
        }
        if (transitionTypes.length > 0 && types.get(transitionTypes[0]).dst()) {
            for (int zi = transitionTypes[0] - 1; zi >= 0; zi--) {
                if (!types.get(zi).dst()) {
                    return zi;
                }
            }
        }
        for (int zi = 0; zi < types.size(); zi++) {
            if (!types.get(zi).dst()) {
                return zi;
            }
        }
        return 0;
    }

    List<ZoneType> types() {
        return types;
    }

    private record Header(int version, int isutcnt, int isstdcnt, int leapcnt, int timecnt, int typecnt,
            int charcnt) {
        static Header read(ByteBuffer in) {
            byte[] magic = new byte[4];
            in.get(magic);
            if (!"TZif".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException("not a TZif file");
            }
            byte v = in.get();
            in.position(in.position() + 15);
            return new Header(v == 0 ? 0 : v - '0', in.getInt(), in.getInt(), in.getInt(), in.getInt(),
                    in.getInt(), in.getInt());
        }

        void skipBody(ByteBuffer in, int timeSize) {
            in.position(in.position() + bodySize(timeSize));
        }

        int bodySize(int timeSize) {
            return timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt
                    + isutcnt;
        }

        TzifZone readBody(ByteBuffer in, int timeSize, String footer) {
            long[] tx = new long[timecnt];
            for (int i = 0; i < timecnt; i++) {
                tx[i] = timeSize == 8 ? in.getLong() : in.getInt();
            }
            int[] txTypes = new int[timecnt];
            for (int i = 0; i < timecnt; i++) {
                txTypes[i] = in.get() & 0xff;
            }
            int[][] raw = new int[typecnt][3];
            for (int i = 0; i < typecnt; i++) {
                raw[i][0] = in.getInt();
                raw[i][1] = in.get();
                raw[i][2] = in.get() & 0xff;
            }
            byte[] chars = new byte[charcnt];
            in.get(chars);
            List<ZoneType> zoneTypes = new ArrayList<>();
            for (int[] t : raw) {
                int end = t[2];
                while (end < chars.length && chars[end] != 0) {
                    end++;
                }
                zoneTypes.add(new ZoneType(t[0], t[1] != 0,
                        new String(chars, t[2], end - t[2], StandardCharsets.US_ASCII)));
            }
            return new TzifZone(tx, txTypes, zoneTypes, footer);
        }
    }
}
