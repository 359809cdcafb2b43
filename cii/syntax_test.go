package cii_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/internal/conformance"
)

// judgeIDs returns the rule ids of a verdict's findings that pass keep,
// warnings included, "no-id" as "".
func judgeIDs(v conformance.Verdict, keep func(string) bool) []string {
	var out []string
	for _, line := range v.Findings {
		id, _, ok := strings.Cut(strings.TrimPrefix(line, "["), "]")
		if !ok {
			continue
		}
		if id == "no-id" {
			id = ""
		}
		if keep(id) {
			out = append(out, id)
		}
	}
	return dedupSorted(out)
}

func dedupSorted(ids []string) []string {
	sort.Strings(ids)
	var out []string
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

func isSyntaxID(id string) bool {
	return !strings.HasPrefix(id, "BR-") && id != "XSD"
}

// syntaxFiles returns the CII files the syntax rules are compared on: the
// official examples, CII and Factur-X, and the XML of the real Factur-X
// and ZUGFeRD PDFs of ../shared/corpus, extracted into a temporary
// directory.
func syntaxFiles(t *testing.T) []string {
	dir := conformance.Need(t, "examples/cii", "examples/facturx", "../corpus/pdf")
	var files []string
	for _, pat := range []string{"examples/cii/*.xml", "examples/facturx/*/*.xml"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	tmp := t.TempDir()
	err := filepath.WalkDir(filepath.Join(dir, "..", "corpus", "pdf"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".pdf") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		x, err := facturx.Extract(data)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		out := filepath.Join(tmp, strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))+".xml")
		files = append(files, out)
		return os.WriteFile(out, x.XML, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestSyntaxRulesJudge(t *testing.T) {
	files := syntaxFiles(t)
	if len(files) < 90 {
		t.Fatalf("only %d files to compare", len(files))
	}
	for _, mode := range []struct {
		name string
		args []string
		dec  cii.Decoder
	}{
		{"cen", nil, cii.Decoder{SyntaxRules: true}},
		{"profile", []string{"--profile", "auto", "--no-cen"}, cii.Decoder{ProfileRules: true}},
	} {
		verdicts := conformance.Check(t, mode.args, files)
		agree := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dec := mode.dec
			if dec.ProfileRules {
				// check runs the CEN schematron for a document that
				// names no Factur-X profile, even with --no-cen.
				plain, err := cii.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				dec.SyntaxRules = plain.Profile == 0
			}
			doc, err := dec.Decode(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			var ours []string
			for _, is := range doc.Issues {
				ours = append(ours, is.Rule)
			}
			ours = dedupSorted(ours)
			official := judgeIDs(verdicts[f], isSyntaxID)
			if strings.Join(ours, " ") != strings.Join(official, " ") {
				t.Errorf("%s %s: official %v, ours %v", mode.name, filepath.Base(f), official, ours)
				continue
			}
			agree++
		}
		t.Logf("%s: %d/%d files agree", mode.name, agree, len(files))
	}
}
