package validate

// rules_gen.go holds the metadata of every official rule (ruleMeta), read
// from the CEN EN 16931 and Factur-X schematrons in the conformance
// directory ($EINVOICE_CONFORMANCE_DIR, by default ../shared/conformance).
// Regenerate it with go generate in this directory, or from the module
// root with go generate ./validate.

//go:generate go run ../internal/gen/rules
