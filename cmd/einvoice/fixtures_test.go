package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/einvoice-go/einvoice/validate"
)

// Each usage error of fixtures exits 2 with one line on standard error and
// writes nothing.
func TestFixturesUsageErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", out}, "--count is required"},
		{[]string{"--count", "0", "-o", out}, `bad --count value "0"`},
		{[]string{"--count", "x", "-o", out}, `bad --count value "x"`},
		{[]string{"--count", "1000001", "-o", out}, `bad --count value "1000001"`},
		{[]string{"--count", "2", "--seed", "-1", "-o", out}, `bad --seed value "-1"`},
		{[]string{"--count", "2", "--seed", "18446744073709551615", "-o", out}, "bad --seed value"},
		{[]string{"--count", "2", "--profile", "gold", "-o", out}, `bad --profile value "gold"`},
		{[]string{"--count", "2", "--format", "xml", "-o", out}, `bad --format value "xml"`},
		{[]string{"--count", "2", "--format", "ubl", "--profile", "minimum", "-o", out}, "--format ubl needs invoices with lines"},
		{[]string{"--count", "2", "--rules", "fr", "--profile", "basicwl", "-o", out}, "--rules fr needs lines"},
		{[]string{"--count", "2", "--rules", "facturx", "-o", out}, `bad --rules value "facturx"`},
		{[]string{"--count", "2"}, "-o DIR is required"},
		{[]string{"--count", "2", "-o", out, "extra"}, `unexpected argument "extra"`},
		{[]string{"--count", "2", "--frob", "-o", out}, "unknown flag --frob"},
		{[]string{"--count", "2", "--count", "3", "-o", out}, "given twice"},
	} {
		r := runCLI(t, "", append([]string{"fixtures"}, tc.args...)...)
		if r.code != 2 || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, r.code, r.stdout, r.stderr, tc.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a usage error created the output directory (stat: %v)", err)
	}
	if r := runCLI(t, "", "help", "fixtures"); r.code != 0 || !strings.HasPrefix(r.stdout, "usage: einvoice fixtures") {
		t.Errorf("help fixtures: exit %d, %.40q", r.code, r.stdout)
	}
}

// fixturesIn runs fixtures with args into a new directory and returns the
// directory and the names of the files written, sorted.
func fixturesIn(t *testing.T, args ...string) (string, []string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "fixtures") // created by the command
	r := runCLI(t, "", append([]string{"fixtures", "-o", dir}, args...)...)
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("fixtures %q: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return dir, names
}

// The files are named by their seed, padded so that they sort; they are
// CII documents of the profile that pass its rules; the same seed gives
// the same bytes, whatever the count and the first seed.
func TestFixturesCII(t *testing.T) {
	dir, names := fixturesIn(t, "--count", "12", "--seed", "95", "--profile", "extended")
	want := []string{"invoice-095.xml", "invoice-096.xml", "invoice-097.xml", "invoice-098.xml", "invoice-099.xml", "invoice-100.xml",
		"invoice-101.xml", "invoice-102.xml", "invoice-103.xml", "invoice-104.xml", "invoice-105.xml", "invoice-106.xml"}
	if !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := (&cii.Decoder{SyntaxRules: true, ProfileRules: true}).Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if doc.Profile != cii.Extended {
			t.Errorf("%s: profile %s", n, doc.Profile)
		}
		rep := validate.Invoice(doc.Invoice, validate.FacturXExtended)
		rep.AddSyntax(doc.Issues)
		if err := rep.Err(); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
	again, _ := fixturesIn(t, "--count", "12", "--seed", "95", "--profile", "extended")
	one, _ := fixturesIn(t, "--count", "1", "--seed", "100", "--profile", "extended")
	a := readFile(t, filepath.Join(dir, "invoice-100.xml"))
	if b := readFile(t, filepath.Join(again, "invoice-100.xml")); !bytes.Equal(a, b) {
		t.Error("the same command writes other bytes")
	}
	if b := readFile(t, filepath.Join(one, "invoice-100.xml")); !bytes.Equal(a, b) {
		t.Error("seed 100 alone gives other bytes than in a run from 95")
	}
}

// The formats json, ubl and pdf, and the rules fr and choruspro.
func TestFixturesFormats(t *testing.T) {
	t.Run("json", func(t *testing.T) {
		dir, names := fixturesIn(t, "--count", "3", "--format", "json", "--rules", "fr")
		if !slices.Equal(names, []string{"invoice-1.json", "invoice-2.json", "invoice-3.json"}) {
			t.Fatalf("files %v", names)
		}
		for _, n := range names {
			inv, err := einvoice.DecodeJSON(bytes.NewReader(readFile(t, filepath.Join(dir, n))))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			if err := validate.Invoice(inv, validate.French).Err(); err != nil {
				t.Errorf("%s: %v", n, err)
			}
		}
	})
	t.Run("ubl", func(t *testing.T) {
		dir, names := fixturesIn(t, "--count", "3", "--format", "ubl", "--rules", "choruspro", "--seed", "7")
		for _, n := range names {
			doc, err := (&ubl.Decoder{SyntaxRules: true}).Decode(bytes.NewReader(readFile(t, filepath.Join(dir, n))))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			rep := validate.Invoice(doc.Invoice, validate.ChorusPro(validate.ChorusProOptions{}).For(validate.UBL))
			rep.AddSyntax(doc.Issues)
			if err := rep.Err(); err != nil {
				t.Errorf("%s: %v", n, err)
			}
		}
	})
	t.Run("pdf", func(t *testing.T) {
		dir, names := fixturesIn(t, "--count", "2", "--format", "pdf", "--profile", "basicwl")
		for _, n := range names {
			x, err := facturx.Extract(readFile(t, filepath.Join(dir, n)))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			if x.ConformanceLevel != "BASIC WL" {
				t.Errorf("%s: conformance level %q", n, x.ConformanceLevel)
			}
		}
		again, _ := fixturesIn(t, "--count", "2", "--format", "pdf", "--profile", "basicwl")
		if !bytes.Equal(readFile(t, filepath.Join(dir, names[1])), readFile(t, filepath.Join(again, names[1]))) {
			t.Error("the same PDF command writes other bytes")
		}
	})
}

// A directory that cannot be made or written is exit status 1.
func TestFixturesWriteError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "fixtures", "--count", "2", "-o", filepath.Join(file, "sub"))
	if r.code != 1 || !strings.HasPrefix(r.stderr, "einvoice: fixtures: ") {
		t.Errorf("exit %d, stderr %q; want 1", r.code, r.stderr)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The progress line is rewritten in place and ends with the total and a
// newline.
func TestFixturesProgress(t *testing.T) {
	if progressWriter(&bytes.Buffer{}) != nil {
		t.Error("progress on a writer that is not a terminal")
	}
	var buf bytes.Buffer
	p := &progress{w: &buf}
	var done atomic.Int64
	stop := p.start(40, &done)
	done.Store(40)
	stop()
	if got := buf.String(); !strings.HasSuffix(got, "\reinvoice: fixtures: 40/40 (100%)\n") {
		t.Errorf("progress %q", got)
	}
}
