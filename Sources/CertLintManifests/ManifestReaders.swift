/// Every manifest reader, in the order they are tried: readers that recognise a file by its
/// name come first, then those that recognise it by a marker in its text, and the general
/// server-configuration formats (whose files are all `.conf`) last.
public enum ManifestReaders {
    /// The readers.
    public static let all: [any ManifestReader.Type] = [
        // By file name.
        IISReader.self,  // applicationHost.config, *.config with <system.applicationHost>
        KestrelReader.self,  // appsettings*.json
        SpringReader.self,  // application[-profile].properties|yml|yaml
        EnvReader.self,  // .env, .env.*, *.env
        ComposeReader.self,  // compose*.yml, docker-compose*.yml, or services: + secrets:
        TerraformReader.self,  // *.tf.json, plan JSON
        // By a marker in the text.
        KongReader.self,  // _format_version
        TykReader.self,  // Tyk API definition keys
        CloudFormationReader.self,  // AWSTemplateFormatVersion, or Resources with AWS:: types
        KubernetesReader.self,  // apiVersion + kind
        // Server configuration files.
        HAProxyReader.self,
        ApacheReader.self,
        NginxReader.self,
    ]
}
