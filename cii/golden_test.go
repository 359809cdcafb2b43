package cii_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/internal/modeltest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// encodeFixture writes a fixture in its profile.
func encodeFixture(t *testing.T, f fixtures.Fixture) []byte {
	t.Helper()
	p, ok := cii.ParseProfile(f.Profile)
	if !ok {
		t.Fatalf("%s: unknown profile %q", f.Name, f.Profile)
	}
	var b bytes.Buffer
	if _, err := (&cii.Encoder{Profile: p}).Encode(&b, &f.Invoice); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return b.Bytes()
}

// allFixtures returns the fixtures of All and ExtendedOnly.
func allFixtures() []fixtures.Fixture { return slices.Concat(fixtures.All(), fixtures.ExtendedOnly()) }

// TestGolden: every fixture encodes to its golden file, byte for byte. The
// golden files are the ones the official judge passed (TestGoldenJudge).
func TestGolden(t *testing.T) {
	all := allFixtures()
	if len(all) < 40 {
		t.Fatalf("%d fixtures, want at least 40", len(all))
	}
	seen := map[string]bool{}
	for _, f := range all {
		got := encodeFixture(t, f)
		path := filepath.Join("testdata", "golden", f.Name+".xml")
		seen[filepath.Base(path)] = true
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./cii -update, then the judge)", f.Name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: encoding differs from %s (run go test ./cii -update and check the diff)", f.Name, path)
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.xml"))
	for _, file := range files {
		if !seen[filepath.Base(file)] {
			t.Errorf("%s belongs to no fixture", file)
		}
	}
}

// TestGoldenJudge runs the official judge (XSD and schematron of each file's
// profile, read from BT-24) on every golden file, in one call. (An
// EXTENDED file is judged without the CEN schematron, as the official
// tools judge EXTENDED; TestExtendedFRJudge runs it where it applies.)
func TestGoldenJudge(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.xml"))
	if len(files) < 40 {
		t.Fatalf("%d golden files, want at least 40", len(files))
	}
	for file, v := range conformance.Check(t, []string{"--profile", "auto"}, files) {
		if !v.Pass {
			t.Errorf("%s fails the judge:\n  %s", file, strings.Join(v.Findings, "\n  "))
		}
	}
}

// TestRoundTrip: Decode(Encode(inv)) equals inv, for every fixture.
func TestRoundTrip(t *testing.T) {
	for _, f := range allFixtures() {
		data := encodeFixture(t, f)
		doc, err := cii.Decode(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if len(doc.Ignored) > 0 {
			t.Errorf("%s: decoding its own output ignored %v", f.Name, doc.Ignored)
		}
		if want, _ := cii.ParseProfile(f.Profile); doc.Profile != want {
			t.Errorf("%s: decoded profile %v, want %v", f.Name, doc.Profile, want)
		}
		if d := modeltest.Diff(f.Invoice, *doc.Invoice); d != nil {
			t.Errorf("%s: round trip differs:\n  %s", f.Name, strings.Join(d, "\n  "))
		}
	}
}

// officialExamples returns the official example files by the judge
// arguments that apply to them: the CEN examples with the CEN judge, the
// Factur-X ones with their profile's.
func officialExamples(t *testing.T) map[string][]string {
	t.Helper()
	dir := conformance.Need(t, "examples")
	out := map[string][]string{}
	cen, _ := filepath.Glob(filepath.Join(dir, "examples", "cii", "*.xml"))
	out[""] = cen
	for _, p := range cii.Profiles() {
		files, _ := filepath.Glob(filepath.Join(dir, "examples", "facturx", p.String(), "*.xml"))
		out[p.String()] = files
	}
	n := 0
	for _, files := range out {
		n += len(files)
	}
	if n < 20 {
		t.Fatalf("found %d official examples", n)
	}
	return out
}

// TestOfficialExamples: every official example decodes; re-encoding it (in
// the profile its BT-24 names) gives a document that passes the same judge;
// decoding that gives an equal model.
func TestOfficialExamples(t *testing.T) {
	examples := officialExamples(t)
	tmp := t.TempDir()
	groups := make([]string, 0, len(examples))
	for g := range examples {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, group := range groups {
		var written []string
		models := map[string]*einvoice.Invoice{}
		for _, file := range examples[group] {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := cii.Decode(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			for _, ig := range doc.Ignored {
				t.Logf("%s: not in the model: %s", filepath.Base(file), ig)
			}
			var out bytes.Buffer
			if _, err := (&cii.Encoder{}).Encode(&out, doc.Invoice); err != nil {
				t.Errorf("%s: re-encoding: %v", file, err)
				continue
			}
			again, err := cii.Decode(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Errorf("%s: decoding the re-encoded document: %v", file, err)
				continue
			}
			if d := modeltest.Diff(*doc.Invoice, *again.Invoice); d != nil {
				t.Errorf("%s: decode, encode, decode differs:\n  %s", file, strings.Join(d, "\n  "))
			}
			path := filepath.Join(tmp, strings.ReplaceAll(group+"-"+filepath.Base(file), " ", "_"))
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			written = append(written, path)
			models[path] = doc.Invoice
		}
		if len(written) == 0 {
			continue
		}
		args := []string{}
		if group != "" {
			args = []string{"--profile", group}
		}
		for file, v := range conformance.Check(t, args, written) {
			if !v.Pass {
				t.Errorf("re-encoded %s fails the judge %v:\n  %s", filepath.Base(file), args, strings.Join(v.Findings, "\n  "))
			}
		}
	}
}
