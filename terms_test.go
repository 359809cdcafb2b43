package einvoice_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// modelDocs parses the root package and returns, per exported struct field,
// its doc comment, keyed "Type.Field".
func modelDocs(t *testing.T) (fields map[string]string, all string) {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) < 5 {
		t.Fatalf("found %d files of the model", len(files))
	}
	fields = map[string]string{}
	var b strings.Builder
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if gd, ok := n.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				b.WriteString(gd.Doc.Text())
			}
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !ts.Name.IsExported() {
				return true
			}
			b.WriteString(ts.Doc.Text())
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fld := range st.Fields.List {
				for _, name := range fld.Names {
					if name.IsExported() {
						fields[ts.Name.Name+"."+name.Name] = fld.Doc.Text()
						b.WriteString(fld.Doc.Text())
					}
				}
			}
			return true
		})
	}
	return fields, b.String()
}

// TestEveryTermDocumented checks that every business term BT-1 .. BT-165 and
// every business group BG-1 .. BG-32 of EN 16931-1 appears in the doc comment
// of a type or field of the model. EN 16931-1 assigns no BT-4.
func TestEveryTermDocumented(t *testing.T) {
	_, all := modelDocs(t)
	var ids []string
	for i := 1; i <= 165; i++ {
		if i != 4 {
			ids = append(ids, fmt.Sprintf("BT-%d", i))
		}
	}
	for i := 1; i <= 32; i++ {
		ids = append(ids, fmt.Sprintf("BG-%d", i))
	}
	var missing []string
	for _, id := range ids {
		if !regexp.MustCompile(regexp.QuoteMeta(id) + `\b[^-]`).MatchString(all) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d EN 16931 ids appear in no doc comment of the model: %s", len(missing), strings.Join(missing, " "))
	}
}

// TestFieldDocs checks the house form of field comments: every exported
// field of a model struct has a doc comment starting with its name, and
// those of the model name the business term or group they hold (the
// EXTENDED ones, their French EXT-FR-FE id).
func TestFieldDocs(t *testing.T) {
	fields, _ := modelDocs(t)
	notModel := map[string]bool{"Date": true, "FieldError": true, "DecodeError": true, "SyntaxIssue": true}
	noTerm := map[string]bool{"ID.Value": true, "ID.Scheme": true, "Measure.Value": true, "Measure.Unit": true}
	term := regexp.MustCompile(`\((BT|BG|EXT-FR-FE)-(BG-)?\d+`)
	if len(fields) < 150 {
		t.Fatalf("found only %d fields: the test is not looking at the model", len(fields))
	}
	for key, doc := range fields {
		typ, name, _ := strings.Cut(key, ".")
		if notModel[typ] {
			continue
		}
		if !strings.HasPrefix(doc, name+" ") {
			t.Errorf("%s: doc comment does not start with %q: %q", key, name, doc)
			continue
		}
		if !noTerm[key] && !term.MatchString(doc) {
			t.Errorf("%s: doc comment names no business term or group: %q", key, doc)
		}
	}
}
