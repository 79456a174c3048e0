// Reporters arrive with the policy engine (issue 3).
import CertLintCore
