package io.kanisterhooks.golang.net;

import java.util.Arrays;

/** Go's {@code net.ParseIP}: dotted IPv4 without leading zeros, or IPv6 (possibly ending in IPv4). */
public final class GoIp {

    private GoIp() {
    }

    /** The address bytes (4 for IPv4, 16 for IPv6, as x509 stores them), or null if s is not an IP. */
    public static byte[] parse(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.') {
                return parseIpv4(s);
            }
            if (s.charAt(i) == ':') {
                return parseIpv6(s);
            }
        }
        return null;
    }

    private static byte[] parseIpv4(String s) {
        byte[] ip = new byte[4];
        int pos = 0;
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                if (pos >= s.length() || s.charAt(pos) != '.') {
                    return null;
                }
                pos++;
            }
            int start = pos;
            int n = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                n = n * 10 + s.charAt(pos) - '0';
                if (n > 0xff) {
                    return null;
                }
                pos++;
            }
            if (pos == start || pos - start > 1 && s.charAt(start) == '0') {
                return null;
            }
            ip[i] = (byte) n;
        }
        return pos == s.length() ? ip : null;
    }

    private static byte[] parseIpv6(String s) {
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int pos = 0;
        if (s.startsWith("::")) {
            ellipsis = 0;
            pos = 2;
            if (pos == s.length()) {
                return ip;
            }
        }
        int i = 0;
        while (i < 16) {
            int start = pos;
            int n = 0;
            while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0 && s.charAt(pos) < 0x80) {
                n = n * 16 + Character.digit(s.charAt(pos), 16);
                pos++;
                if (n >= 0xFFFFFF) {
                    return null;
                }
            }
            if (pos == start || n > 0xFFFF) {
                return null;
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                if (ellipsis < 0 && i != 12 || i + 4 > 16) {
                    return null;
                }
                byte[] v4 = parseIpv4(s.substring(start));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, ip, i, 4);
                i += 4;
                pos = s.length();
                break;
            }
            ip[i] = (byte) (n >> 8);
            ip[i + 1] = (byte) n;
            i += 2;
            if (pos == s.length()) {
                break;
            }
            if (s.charAt(pos) != ':' || pos + 1 == s.length()) {
                return null;
            }
            pos++;
            if (s.charAt(pos) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                pos++;
                if (pos == s.length()) {
                    break;
                }
            }
        }
        if (pos != s.length()) {
            return null;
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return null;
        }
        if (isV4Mapped(ip)) {
            byte[] v4 = new byte[4];
            System.arraycopy(ip, 12, v4, 0, 4);
            return v4;
        }
        return ip;
    }

    /** x509 writes ::ffff:a.b.c.d in its 4-byte form (net.IP.To4). */
    private static boolean isV4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    /** Go's {@code net.IP.String()}: dotted IPv4, or IPv6 with the longest run of zero groups as "::". */
    public static String format(byte[] ip) {
        if (ip.length == 4) {
            return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
        }
        if (isV4Mapped(ip)) {
            return format(Arrays.copyOfRange(ip, 12, 16));
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 16; i += 2) {
            int j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0) {
                j += 2;
            }
            if (j - i > bestLen && j - i >= 4) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j - 2);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 2;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString((ip[i] & 0xff) << 8 | ip[i + 1] & 0xff));
        }
        return b.toString();
    }
}
