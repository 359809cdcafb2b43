package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/conformance"
)

// create writes a Factur-X PDF that passes pdfa-check; extract gives back
// the CII that convert --to cii writes; convert reads the PDF.
func TestCreateExtract(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "invoice.pdf")
	if r := runCLI(t, "", "create", "-o", pdf, testInvoice); r.code != 0 || r.stderr != "" || r.stdout != "" {
		t.Fatalf("create: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	want := runCLI(t, "", "convert", "--to", "cii", testInvoice)
	xml := filepath.Join(dir, "invoice.xml")
	r := runCLI(t, "", "extract", "-o", xml, pdf)
	if r.code != 0 || !strings.Contains(r.stderr, "factur-x.xml (EN 16931, Alternative)") {
		t.Fatalf("extract: exit %d: %s", r.code, r.stderr)
	}
	got, err := os.ReadFile(xml)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want.stdout {
		t.Error("the extracted XML is not what convert --to cii writes")
	}
	back := runCLI(t, "", "convert", "--to", "json", pdf)
	if back.code != 0 || back.stderr != "" {
		t.Fatalf("convert PDF: exit %d: %s", back.code, back.stderr)
	}
	checkTotals(t, back.stdout)

	// SOURCE_DATE_EPOCH makes the output reproducible.
	again := filepath.Join(dir, "again.pdf")
	if r := runCLI(t, "", "create", testInvoice, "-o", again); r.code != 0 {
		t.Fatalf("create: exit %d: %s", r.code, r.stderr)
	}
	a, _ := os.ReadFile(pdf)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two create runs with the same SOURCE_DATE_EPOCH differ")
	}

	// --pdf: the invoice embedded into a visual PDF; a CII input is
	// embedded as it is, byte for byte.
	onto := filepath.Join(dir, "onto.pdf")
	visual := filepath.Join("..", "..", "facturx", "testdata", "input", "ghostscript-pdfa3.pdf")
	if r := runCLI(t, "", "create", "--pdf", visual, "-o", onto, xml); r.code != 0 {
		t.Fatalf("create --pdf: exit %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, "", "extract", onto)
	if r.code != 0 || r.stdout != string(got) {
		t.Errorf("create --pdf from CII: extract gives %d bytes (exit %d), want the input's %d", len(r.stdout), r.code, len(got))
	}
	for file, v := range conformance.PDFACheck(t, nil, []string{pdf, onto}) {
		if !v.Pass {
			t.Errorf("pdfa-check %s:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
	}
}

// A visual PDF that cannot become PDF/A-3B fails with its rule, and no
// output file is written.
func TestCreateRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.pdf")
	bad := filepath.Join("..", "..", "facturx", "testdata", "bad", "helvetica.pdf")
	r := runCLI(t, "", "create", "--pdf", bad, "-o", out, testInvoice)
	if r.code != 1 || !strings.Contains(r.stderr, "6.2.11.4.1-1") {
		t.Errorf("exit %d, stderr %q: want 1 and rule 6.2.11.4.1-1", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written after a failure (stat: %v)", err)
	}
	if r := runCLI(t, "", "extract", testInvoice); r.code != 2 || !strings.Contains(r.stderr, "not a PDF") {
		t.Errorf("extract of JSON: exit %d, stderr %q", r.code, r.stderr)
	}
}

// create --profile extended-ctc-fr writes a Factur-X EXTENDED PDF: the XML
// declares the Factur-X EXTENDED identifier, the XMP EXTENDED. A CII input
// declaring EXTENDED-CTC-FR is refused without --profile, written as
// EXTENDED with it.
func TestCreateExtendedCTCFR(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	const extended = "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended"
	dir := t.TempDir()
	pdf := filepath.Join(dir, "invoice.pdf")
	if r := runCLI(t, "", "create", "--profile", "extended-ctc-fr", "-o", pdf, testInvoice); r.code != 0 || r.stderr != "" {
		t.Fatalf("create: exit %d: %s", r.code, r.stderr)
	}
	r := runCLI(t, "", "extract", pdf)
	if r.code != 0 || !strings.Contains(r.stderr, "factur-x.xml (EXTENDED, Alternative)") {
		t.Fatalf("extract: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "<ram:ID>"+extended+"</ram:ID>") || strings.Contains(r.stdout, "ctc-fr") {
		t.Errorf("the extracted XML does not declare Factur-X EXTENDED:\n%.600s", r.stdout)
	}
	if want := runCLI(t, "", "convert", "--to", "cii", "--profile", "extended", testInvoice); r.stdout != want.stdout {
		t.Error("the extracted XML is not what convert --to cii --profile extended writes")
	}

	// A CII input in EXTENDED-CTC-FR.
	ctcfr := filepath.Join(dir, "ctc-fr.xml")
	if r := runCLI(t, "", "convert", "--to", "cii", "--profile", "extended-ctc-fr", "-o", ctcfr, testInvoice); r.code != 0 {
		t.Fatalf("convert: exit %d: %s", r.code, r.stderr)
	}
	refused := filepath.Join(dir, "refused.pdf")
	if r := runCLI(t, "", "create", "-o", refused, ctcfr); r.code != 1 || !strings.Contains(r.stderr, "--profile extended-ctc-fr") {
		t.Errorf("create from EXTENDED-CTC-FR CII: exit %d, stderr %q; want 1 and a hint", r.code, r.stderr)
	}
	if _, err := os.Stat(refused); !os.IsNotExist(err) {
		t.Errorf("output written after a failure (stat: %v)", err)
	}
	fromCII := filepath.Join(dir, "from-cii.pdf")
	if r := runCLI(t, "", "create", "--profile", "extended-ctc-fr", "-o", fromCII, ctcfr); r.code != 0 || r.stderr != "" {
		t.Fatalf("create --profile extended-ctc-fr from CII: exit %d: %s", r.code, r.stderr)
	}
	if got := runCLI(t, "", "extract", fromCII); got.stdout != r.stdout {
		t.Error("create from the EXTENDED-CTC-FR CII embeds other XML than from the JSON")
	}
	for file, v := range conformance.PDFACheck(t, nil, []string{pdf, fromCII}) {
		if !v.Pass {
			t.Errorf("pdfa-check %s:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
	}
}
