package einvoice_test

import (
	"go/build"
	"strings"
	"testing"
)

// TestDependencies keeps the model free of XML, PDF and everything else: the
// root package may import the standard library and shopspring/decimal only
// (in the spirit of go/build's deps_test.go).
func TestDependencies(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"github.com/shopspring/decimal": true}
	for _, imp := range pkg.Imports {
		std := !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".")
		if std && (imp == "encoding/xml" || strings.HasPrefix(imp, "os")) {
			t.Errorf("the model imports %s: XML and files belong to the syntax packages", imp)
		}
		if !std && !allowed[imp] {
			t.Errorf("the model imports %s: only the standard library and shopspring/decimal are allowed", imp)
		}
	}
	if len(pkg.Imports) == 0 {
		t.Fatal("no imports found: the test is not looking at the model")
	}
}
