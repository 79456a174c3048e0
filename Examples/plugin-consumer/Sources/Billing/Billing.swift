/// The billing client; its client certificate is in tls/ (linted by `swift package lint-certs`).
public enum Billing {
    /// The partner API it calls.
    public static let partner = "https://partner-gateway.vendor.com/"
}
