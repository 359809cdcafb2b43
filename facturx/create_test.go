package facturx_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/fixtures"
)

var createTime = time.Date(2026, time.November, 26, 10, 30, 0, 0, time.FixedZone("CET", 3600))

// createCase is an invoice Create writes, with the profile it uses.
type createCase struct {
	name    string
	profile cii.Profile
	inv     *einvoice.Invoice
}

// createCases: the first fixture of each profile and a 300-line invoice.
func createCases(t *testing.T) []createCase {
	var cases []createCase
	seen := map[string]bool{}
	for _, f := range fixtures.All() {
		if seen[f.Profile] {
			continue
		}
		seen[f.Profile] = true
		p, ok := cii.ParseProfile(f.Profile)
		if !ok {
			t.Fatalf("fixture %s: profile %q", f.Name, f.Profile)
		}
		inv := f.Invoice
		cases = append(cases, createCase{f.Profile + "-" + f.Name, p, &inv})
	}
	if len(cases) != 5 {
		t.Fatalf("fixtures cover %d profiles, want 5", len(cases))
	}
	cases = append(cases, createCase{"lines-300", cii.EN16931, fixtures.Bench(300)})
	return cases
}

// TestCreate: every PDF Create writes passes pdfa-check (Info/XMP sync
// included) and qpdf --check, embeds all its fonts, and carries the CII
// the encoder writes, byte for byte, which passes the official judge of
// its profile; Extract and pdfa-check --extract both find it.
func TestCreate(t *testing.T) {
	dir := t.TempDir()
	var files []string
	want := map[string][]byte{}
	var xmls []string
	for _, c := range createCases(t) {
		var pdf bytes.Buffer
		if err := facturx.Create(&pdf, c.inv, &facturx.Options{Profile: c.profile, Time: createTime}); err != nil {
			t.Fatalf("%s: Create: %v", c.name, err)
		}
		var xml bytes.Buffer
		if _, err := (&cii.Encoder{Profile: c.profile}).Encode(&xml, c.inv); err != nil {
			t.Fatal(err)
		}
		x, err := facturx.Extract(pdf.Bytes())
		if err != nil {
			t.Fatalf("%s: Extract: %v", c.name, err)
		}
		if !bytes.Equal(x.XML, xml.Bytes()) {
			t.Errorf("%s: the extracted XML differs from the encoder's", c.name)
		}
		if x.Name != "factur-x.xml" || x.ConformanceLevel != c.profile.ConformanceLevel() {
			t.Errorf("%s: extracted %s at level %q, want factur-x.xml at %q", c.name, x.Name, x.ConformanceLevel, c.profile.ConformanceLevel())
		}
		wantRel := facturx.Alternative
		if c.profile == cii.Minimum || c.profile == cii.BasicWL {
			wantRel = facturx.Data
		}
		if x.Relationship != wantRel {
			t.Errorf("%s: relationship %s, want %s", c.name, x.Relationship, wantRel)
		}
		path := filepath.Join(dir, c.name+".pdf")
		if err := os.WriteFile(path, pdf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		xmlPath := filepath.Join(dir, c.name+".xml")
		if err := os.WriteFile(xmlPath, x.XML, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		want[path] = xml.Bytes()
		xmls = append(xmls, xmlPath)
	}

	for file, v := range conformance.PDFACheck(t, nil, files) {
		if !v.Pass {
			t.Errorf("pdfa-check %s:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
	}
	extracted := conformance.PDFAExtract(t, files)
	for _, file := range files {
		if a, ok := extracted[file]; !ok || !bytes.Equal(a.XML, want[file]) {
			t.Errorf("pdfa-check --extract %s: not the XML embedded (found: %v)", filepath.Base(file), ok)
		}
		if v := conformance.QPDFCheck(t, file); !v.Pass {
			t.Errorf("qpdf --check %s:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
		fonts := conformance.PDFFonts(t, file)
		if len(fonts) == 0 {
			t.Errorf("%s: pdffonts lists no font", filepath.Base(file))
		}
		for _, f := range fonts {
			if !f.Embedded {
				t.Errorf("%s: font %s not embedded", filepath.Base(file), f.Name)
			}
		}
	}
	// Each file is judged by the profile its BT-24 names.
	for file, v := range conformance.Check(t, []string{"--profile", "auto"}, xmls) {
		if !v.Pass {
			t.Errorf("check %s:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
	}
}

// Create is reproducible: the same invoice and options give the same
// bytes, another time other bytes.
func TestCreateReproducible(t *testing.T) {
	inv := fixtures.Bench(10)
	make := func(tm time.Time) []byte {
		var b bytes.Buffer
		if err := facturx.Create(&b, inv, &facturx.Options{Time: tm}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := make(createTime), make(createTime)
	if !bytes.Equal(a, b) {
		t.Error("two Create calls with the same options differ")
	}
	if bytes.Equal(a, make(createTime.Add(time.Second))) {
		t.Error("Create ignores Options.Time")
	}
}

// An invoice holding a term its profile cannot carry is refused with the
// CII encoder's error, and nothing is written.
func TestCreateProfileError(t *testing.T) {
	full := fixtures.Full()
	var b bytes.Buffer
	err := facturx.Create(&b, &full, &facturx.Options{Profile: cii.Minimum, Time: createTime})
	var pe *cii.ProfileError
	if !errors.As(err, &pe) {
		t.Fatalf("Create(full, MINIMUM) = %v, want a *cii.ProfileError", err)
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written on failure", b.Len())
	}
}

// TestCreateExtendedCTCFR: an invoice in the French EXTENDED-CTC-FR
// profile (here a public buyer with its SIRET and service code as buyer
// identifiers, which only EXTENDED and EXTENDED-CTC-FR carry) becomes a
// Factur-X EXTENDED PDF: the XML declares the Factur-X EXTENDED identifier
// as BT-24, the XMP the conformance level EXTENDED; pdfa-check and the
// official judge of EXTENDED pass them. Embed refuses XML that declares
// EXTENDED-CTC-FR.
func TestCreateExtendedCTCFR(t *testing.T) {
	f, ok := fixtures.ByName("buyer-public-entity")
	if !ok {
		t.Fatal("no fixture buyer-public-entity")
	}
	inv := f.Invoice
	inv.Buyer.Identifiers = append(inv.Buyer.Identifiers[:1:1], einvoice.ID{Value: inv.BuyerReference, Scheme: einvoice.ICDFrenchRouting})
	var pdf bytes.Buffer
	if err := facturx.Create(&pdf, &inv, &facturx.Options{Profile: cii.ExtendedCTCFR, Time: createTime}); err != nil {
		t.Fatal(err)
	}
	x, err := facturx.Extract(pdf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if x.ConformanceLevel != "EXTENDED" || x.Relationship != facturx.Alternative {
		t.Errorf("XMP level %q, relationship %s; want EXTENDED, Alternative", x.ConformanceLevel, x.Relationship)
	}
	var want bytes.Buffer
	if _, err := (&cii.Encoder{Profile: cii.Extended}).Encode(&want, &inv); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.XML, want.Bytes()) {
		t.Error("the embedded XML is not the EXTENDED encoding of the invoice")
	}
	doc, err := cii.Decode(bytes.NewReader(x.XML))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Profile != cii.Extended || doc.Invoice.Process.Specification != cii.Extended.URN() || len(doc.Invoice.Buyer.Identifiers) != 2 {
		t.Errorf("embedded XML: profile %v, BT-24 %q, %d buyer identifiers", doc.Profile, doc.Invoice.Process.Specification, len(doc.Invoice.Buyer.Identifiers))
	}

	// Embed takes the XML as it is: one that declares EXTENDED-CTC-FR
	// cannot go in a Factur-X PDF.
	var ctcfr bytes.Buffer
	if _, err := (&cii.Encoder{Profile: cii.ExtendedCTCFR}).Encode(&ctcfr, &inv); err != nil {
		t.Fatal(err)
	}
	visual, err := os.ReadFile(filepath.Join("testdata", "input", "ghostscript-pdfa3.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = facturx.Embed(&out, visual, ctcfr.Bytes(), &facturx.Options{Time: createTime})
	if !errors.Is(err, facturx.ErrNotCII) || !strings.Contains(err.Error(), cii.Extended.URN()) || out.Len() != 0 {
		t.Errorf("Embed of EXTENDED-CTC-FR XML: %v, %d bytes written; want ErrNotCII naming the EXTENDED identifier", err, out.Len())
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "extended-ctc-fr.pdf")
	xmlPath := filepath.Join(dir, "extended-ctc-fr.xml")
	if err := os.WriteFile(path, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xmlPath, x.XML, 0o644); err != nil {
		t.Fatal(err)
	}
	for file, v := range conformance.PDFACheck(t, nil, []string{path}) {
		if !v.Pass {
			t.Errorf("pdfa-check %s:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
	}
	for file, v := range conformance.Check(t, []string{"--profile", "auto"}, []string{xmlPath}) {
		if !v.Pass {
			t.Errorf("check %s:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
	}
}
