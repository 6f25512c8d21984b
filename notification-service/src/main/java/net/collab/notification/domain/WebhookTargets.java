package net.collab.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.notification.config.NotificationSettings;

/**
 * Whether the network may call a URL: http or https, a host that resolves, and every address it
 * resolves to public — not loopback, private, link-local (the cloud's metadata address among them),
 * unique-local, shared (carrier-grade NAT), multicast or unspecified — unless configuration allows
 * that network ({@link NotificationSettings.Webhooks#allowedNetworks}). Checked when a webhook is
 * made and again before every call, since what a name resolves to may change.
 */
@ApplicationScoped
public class WebhookTargets {

    @Inject
    NotificationSettings settings;

    /** @return why the network may not call the URL, or null if it may */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return "不是有效的网址 not a valid URL: " + e.getReason();
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
            return "只接受 http 或 https only http or https";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "缺少主机名 no host";
        }
        if (uri.getUserInfo() != null) {
            return "网址中不能含有用户名或密码 no user name or password in the URL";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "主机名无法解析 the host does not resolve: " + uri.getHost();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && !allowed(address)) {
                return "目标地址不是公网地址 the host resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address the network does not call";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return !(first == 100 && second >= 64 && second <= 127) // shared address space (carrier-grade NAT)
                    && first != 0 && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // "this network", IETF protocol
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240; // benchmarking, reserved
        }
        if (address instanceof Inet6Address six) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (six.isIPv4CompatibleAddress()) {
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d — judged as the IPv4 address it carries
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean allowed(InetAddress address) {
        return settings.webhooks().allowedNetworks().orElse(List.of()).stream().anyMatch(network -> contains(network.strip(), address));
    }

    /** Whether the CIDR network (a.b.c.d/n or an IPv6 prefix) contains the address. */
    static boolean contains(String cidr, InetAddress address) {
        String[] parts = cidr.split("/");
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((network[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
