package einvoice_test

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestDependencies keeps the model free of XML, PDF and everything else: the
// root package may import the standard library, shopspring/decimal, and
// the module's internal packages that keep to the same rule (decslab), in
// the spirit of go/build's deps_test.go.
func TestDependencies(t *testing.T) {
	const module = "github.com/einvoice-go/einvoice"
	allowed := map[string]bool{"github.com/shopspring/decimal": true}
	seen := map[string]bool{}
	var check func(dir, name string)
	check = func(dir, name string) {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(pkg.Imports) == 0 {
			t.Fatalf("%s: no imports found: the test is not looking at the package", name)
		}
		for _, imp := range pkg.Imports {
			std := !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".")
			switch {
			case std && (imp == "encoding/xml" || strings.HasPrefix(imp, "os")):
				t.Errorf("%s imports %s: XML and files belong to the syntax packages", name, imp)
			case std || allowed[imp]:
			case strings.HasPrefix(imp, module+"/internal/"):
				if !seen[imp] {
					seen[imp] = true
					check(filepath.Join(".", strings.TrimPrefix(imp, module+"/")), imp)
				}
			default:
				t.Errorf("%s imports %s: only the standard library, shopspring/decimal and internal packages that keep to that are allowed", name, imp)
			}
		}
	}
	check(".", "the model")
}
