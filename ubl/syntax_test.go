package ubl_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/ubl"
)

func TestSyntaxRulesJudge(t *testing.T) {
	dir := conformance.Need(t, "examples/ubl")
	var files []string
	for _, pat := range []string{"examples/ubl/*.*", "examples/ubl/testfiles/*.*"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	if len(files) < 40 {
		t.Fatalf("only %d files to compare", len(files))
	}
	// The official examples break no UBL-* rule: two copies of one that
	// do, so that the comparison also sees rules fire.
	example, err := os.ReadFile(filepath.Join(dir, "examples/ubl/ubl-tc434-example1.xml"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for name, broken := range map[string]string{
		// UBL-SR-51: two address lines.
		"two-address-lines.xml": strings.Replace(string(example), "<cac:Country>",
			"<cac:AddressLine><cbc:Line>Bâtiment A</cbc:Line></cac:AddressLine><cac:AddressLine><cbc:Line>Hall 2</cbc:Line></cac:AddressLine><cac:Country>", 1),
		// UBL-DT-01: an amount with 3 decimals.
		"three-decimals.xml": strings.Replace(string(example), ">229.60</cbc:LineExtensionAmount>", ">229.605</cbc:LineExtensionAmount>", 1),
	} {
		if broken == string(example) {
			t.Fatalf("%s: the example changed, the copy is not broken", name)
		}
		f := filepath.Join(tmp, name)
		if err := os.WriteFile(f, []byte(broken), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	verdicts := conformance.Check(t, nil, files)
	agree, firing := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := (&ubl.Decoder{SyntaxRules: true}).Decode(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		ours := map[string]bool{}
		for _, is := range doc.Issues {
			ours[is.Rule] = true
		}
		official := map[string]bool{}
		for _, line := range verdicts[f].Findings {
			id, _, _ := strings.Cut(strings.TrimPrefix(line, "["), "]")
			if strings.HasPrefix(id, "UBL-") {
				official[id] = true
			}
		}
		if len(official) > 0 {
			firing++
		}
		o, w := keys(official), keys(ours)
		if o != w {
			t.Errorf("%s: official %v, ours %v", filepath.Base(f), o, w)
			continue
		}
		agree++
	}
	t.Logf("%d/%d files agree, %d with UBL-* findings", agree, len(files), firing)
	if firing < 2 {
		t.Errorf("the official schematron reports UBL-* rules on %d files, want the 2 broken copies at least", firing)
	}
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}
