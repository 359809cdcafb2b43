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
	verdicts := conformance.Check(t, nil, files)
	agree := 0
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
		o, w := keys(official), keys(ours)
		if o != w {
			t.Errorf("%s: official %v, ours %v", filepath.Base(f), o, w)
			continue
		}
		agree++
	}
	t.Logf("%d/%d files agree", agree, len(files))
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}
