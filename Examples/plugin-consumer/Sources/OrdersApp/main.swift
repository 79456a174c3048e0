// The orders service; its TLS certificate is in tls/ (linted by `swift package lint-certs`).
print("orders")
