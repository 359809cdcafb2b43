package facturx

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/internal/pdfgen"
	"github.com/shopspring/decimal"
)

// renderDir, when set, is where the render tests leave their PDFs, for a
// look: go test ./facturx -run Render -render-dir /tmp/render
var renderDir = flag.String("render-dir", "", "write the rendered PDFs of the Render tests to this directory")

// renderOpts are fixed so that the output is reproducible.
func renderOpts() *Options {
	return &Options{Time: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
}

// fullInvoice is fixtures.Full, completed: every business term.
func fullInvoice(t testing.TB) *einvoice.Invoice {
	t.Helper()
	inv := fixtures.Full()
	if err := inv.Complete(); err != nil {
		t.Fatal(err)
	}
	return &inv
}

// renderRaw draws inv without the PDF/A step.
func renderRaw(t testing.TB, inv *einvoice.Invoice, o *Options) []byte {
	t.Helper()
	if o == nil {
		o = renderOpts()
	}
	raw, err := renderPDF(inv, o)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// save writes pdf to a file for the external tools (and to -render-dir).
func save(t testing.TB, name string, pdf []byte) string {
	t.Helper()
	dir := *renderDir
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// needTool skips, or fails under EINVOICE_CONFORMANCE=1, when a program is
// missing.
func needTool(t testing.TB, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if conformance.Required() {
			t.Fatalf("EINVOICE_CONFORMANCE=1 but %s is not on PATH (apt: poppler-utils, qpdf)", tool)
		}
		t.Skipf("%s not on PATH (apt: poppler-utils, qpdf)", tool)
	}
}

func pdftotext(t testing.TB, path string) string {
	t.Helper()
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	// pdftotext writes no-break spaces as spaces: so do the tests' values.
	return nbsp(string(out))
}

func nbsp(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// contains reports whether text holds want, no-break spaces being spaces.
func contains(text, want string) bool {
	return strings.Contains(text, nbsp(want))
}

var pageCountRE = regexp.MustCompile(`/Type /Page /`)

func TestRenderEveryFixture(t *testing.T) {
	for _, f := range fixtures.All() {
		t.Run(f.Name, func(t *testing.T) {
			raw := renderRaw(t, &f.Invoice, nil)
			if !bytes.HasPrefix(raw, []byte("%PDF-1.7")) {
				t.Fatalf("not a PDF: %q", raw[:min(20, len(raw))])
			}
			if *renderDir != "" {
				save(t, "fixture-"+f.Name, raw)
			}
		})
	}
}

func TestRenderDoesNotMutate(t *testing.T) {
	inv := fullInvoice(t)
	want := fullInvoice(t)
	renderRaw(t, inv, nil)
	renderRaw(t, inv, &Options{Language: English})
	if !equalJSON(t, inv, want) {
		t.Error("Render changed the invoice")
	}
}

func equalJSON(t testing.TB, a, b *einvoice.Invoice) bool {
	t.Helper()
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(ja, jb)
}

func TestRenderDeterministic(t *testing.T) {
	inv := fullInvoice(t)
	a := renderRaw(t, inv, nil)
	b := renderRaw(t, fullInvoice(t), nil)
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same invoice differ")
	}
	e := renderRaw(t, inv, &Options{Language: English})
	if bytes.Equal(a, e) {
		t.Error("the English rendering is the French one")
	}
}

// TestRenderText checks with pdftotext that the key values are shown, as
// the model holds them.
func TestRenderText(t *testing.T) {
	inv := fullInvoice(t)
	path := save(t, "full", renderRaw(t, inv, nil))
	text := pdftotext(t, path)
	l := labelsFor(French)
	want := []string{
		"FACTURE", inv.Number, "25/11/2026", "25/12/2026",
		inv.Seller.Identifiers[0].Value, inv.Seller.LegalRegistration.Value, inv.Seller.VATID,
		inv.Buyer.Identifiers[0].Value, inv.Buyer.Name, inv.Seller.Name,
		inv.PurchaseOrderReference, "N° d'engagement", inv.BuyerReference, "Code service",
		inv.ContractReference, inv.ProjectReference, "F-2026-0031",
		"FR76 3000 6000 0112 3456 7890 189", "AGRIFRPPXXX",
		l.money(inv.Totals.TaxExclusive, inv.Currency), l.money(*inv.Totals.VAT, inv.Currency),
		l.money(inv.Totals.TaxInclusive, inv.Currency), l.money(inv.Totals.Due, inv.Currency),
		l.money(inv.Totals.LineNet, inv.Currency),
		"Indemnité forfaitaire pour frais de recouvrement : 40 €",
		"Pénalités de retard", "Pas d'escompte pour paiement anticipé",
		"Paiement à 30 jours", "Ramette A4 80 g",
		"13,0000", "62,5000", "Exonération, article 261 du CGI",
		"Page 1/",
	}
	for _, w := range want {
		if !contains(text, w) {
			t.Errorf("pdftotext lacks %q", w)
		}
	}
	for _, ln := range inv.Lines {
		if !contains(text, l.amount(ln.NetAmount)) {
			t.Errorf("pdftotext lacks line %s's net amount %s", ln.ID, l.amount(ln.NetAmount))
		}
	}
	if t.Failed() {
		t.Log(text)
	}
}

func TestRenderEnglish(t *testing.T) {
	inv := fullInvoice(t)
	path := save(t, "full-en", renderRaw(t, inv, &Options{Language: English}))
	text := pdftotext(t, path)
	l := labelsFor(English)
	for _, w := range []string{"INVOICE", "Purchase order", "Amount due", "25 Nov 2026",
		l.money(inv.Totals.Due, inv.Currency), "62.5000", "Page 1/"} {
		if !contains(text, w) {
			t.Errorf("pdftotext lacks %q", w)
		}
	}
	if strings.Contains(text, "FACTURE") || strings.Contains(text, "Net à payer") {
		t.Error("French labels in the English rendering")
	}
}

func TestRenderCreditNote(t *testing.T) {
	f, ok := fixtures.ByName("credit-note")
	if !ok {
		for _, g := range fixtures.All() {
			if g.Invoice.TypeCode.IsCreditNote() {
				f, ok = g, true
				break
			}
		}
	}
	if !ok {
		t.Skip("no credit note fixture")
	}
	text := pdftotext(t, save(t, "credit-note", renderRaw(t, &f.Invoice, nil)))
	if !strings.Contains(text, "AVOIR") {
		t.Errorf("no AVOIR title:\n%s", text)
	}
	if got := defaultTitle(&f.Invoice, French); got != "Avoir "+f.Invoice.Number {
		t.Errorf("title %q", got)
	}
	if got := defaultTitle(&f.Invoice, English); got != "Credit note "+f.Invoice.Number {
		t.Errorf("title %q", got)
	}
}

func TestRenderManyPages(t *testing.T) {
	inv := fixtures.Bench(300)
	raw := renderRaw(t, inv, nil)
	pages := len(pageCountRE.FindAll(raw, -1))
	if pages < 4 {
		t.Fatalf("%d pages for 300 lines", pages)
	}
	path := save(t, "bench-300", raw)
	text := pdftotext(t, path)
	l := labelsFor(French)
	for i := 1; i <= pages; i++ {
		if w := "Page " + strconv.Itoa(i) + "/" + strconv.Itoa(pages); !strings.Contains(text, w) {
			t.Errorf("no %q", w)
		}
	}
	// The table header is on every page that holds lines, and every line
	// is there once.
	if n := strings.Count(text, "Désignation"); n < pages-1 {
		t.Errorf("the table header appears %d times on %d pages", n, pages)
	}
	for _, ln := range inv.Lines {
		if !strings.Contains(text, ln.Item.Name+" ") && !strings.HasSuffix(strings.TrimSpace(text), ln.Item.Name) {
			t.Errorf("line %s (%s) missing", ln.ID, ln.Item.Name)
		}
	}
	if !contains(text, l.money(inv.Totals.Due, inv.Currency)) {
		t.Error("the amount due is missing")
	}
}

func TestRenderGlyphError(t *testing.T) {
	cases := []struct {
		change func(inv *einvoice.Invoice)
		term   string
		r      rune
	}{
		{func(inv *einvoice.Invoice) { inv.Seller.Name = "東京 Trading" }, "BT-27", '東'},
		{func(inv *einvoice.Invoice) { inv.Buyer.Name = "Café 😀" }, "BT-44", '😀'},
		{func(inv *einvoice.Invoice) { inv.Lines[0].Item.Description = "Papier 紙" }, "BT-154", '紙'},
		{func(inv *einvoice.Invoice) { inv.Notes[0].Text = "→ ☃" }, "BT-22", '☃'},
	}
	for _, c := range cases {
		inv := fullInvoice(t)
		c.change(inv)
		var buf bytes.Buffer
		err := Render(&buf, inv, renderOpts())
		var ge *GlyphError
		if !errors.As(err, &ge) {
			t.Errorf("%s: err = %v, want a *GlyphError", c.term, err)
			continue
		}
		if ge.Term != c.term || ge.Rune != c.r {
			t.Errorf("GlyphError{%q, %U}, want {%q, %U}", ge.Term, ge.Rune, c.term, c.r)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", c.term, buf.Len())
		}
	}
}

// TestRenderTools checks the raw PDF with qpdf and pdffonts.
func TestRenderTools(t *testing.T) {
	path := save(t, "full-tools", renderRaw(t, fullInvoice(t), nil))
	if v := conformance.QPDFCheck(t, path); !v.Pass {
		t.Errorf("qpdf --check:\n%s", strings.Join(v.Findings, "\n"))
	}
	checkFonts(t, path)
}

// checkFonts checks with pdffonts that the file's fonts are the two Go
// fonts, embedded as subsets.
func checkFonts(t *testing.T, path string) {
	t.Helper()
	fonts := conformance.PDFFonts(t, path)
	if len(fonts) != 2 {
		t.Errorf("%s: %d fonts, want 2: %+v", path, len(fonts), fonts)
	}
	for _, f := range fonts {
		tag, name, _ := strings.Cut(f.Name, "+")
		if !f.Embedded || len(tag) != 6 || (name != "GoRegular" && name != "GoBold") || f.Type != "CID TrueType" {
			t.Errorf("%s: font %+v: want an embedded CID TrueType subset of a Go font", path, f)
		}
	}
}

func TestRenderSize(t *testing.T) {
	raw := renderRaw(t, fixtures.Bench(10), nil)
	if len(raw) > 80<<10 {
		t.Errorf("a 10-line invoice takes %d bytes", len(raw))
	}
	t.Logf("10 lines: %d bytes (raw PDF)", len(raw))
}

// TestRenderPDFA runs the whole pipeline, PDF/A step included, on every
// fixture and checks the result with pdfa-check (PDF/A-3B rules only:
// Render embeds no XML), qpdf and pdffonts.
func TestRenderPDFA(t *testing.T) {
	type input struct {
		name string
		inv  *einvoice.Invoice
		o    *Options
	}
	inputs := []input{
		{"full", fullInvoice(t), renderOpts()},
		{"full-en", fullInvoice(t), &Options{Language: English, Time: renderOpts().Time}},
		{"bench-300", fixtures.Bench(300), renderOpts()},
	}
	for _, f := range fixtures.All() {
		inputs = append(inputs, input{"fixture-" + f.Name, &f.Invoice, renderOpts()})
	}
	var files []string
	for _, c := range inputs {
		var buf bytes.Buffer
		if err := Render(&buf, c.inv, c.o); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		files = append(files, save(t, "pdfa-"+c.name, buf.Bytes()))
	}
	for f, v := range conformance.PDFACheck(t, []string{"--no-facturx"}, files) {
		if !v.Pass {
			t.Errorf("pdfa-check %s:\n%s", f, strings.Join(v.Findings, "\n"))
		}
	}
	// qpdf and pdffonts on the first three (one process per file).
	for _, f := range files[:3] {
		if v := conformance.QPDFCheck(t, f); !v.Pass {
			t.Errorf("qpdf --check %s:\n%s", f, strings.Join(v.Findings, "\n"))
		}
		checkFonts(t, f)
	}
}

// renderChecked draws inv, failing the test when a line of text leaves the
// printable area of the page, and returns the PDF and the lines drawn.
func renderChecked(t *testing.T, inv *einvoice.Invoice, lang Language) ([]byte, []textBox) {
	t.Helper()
	r := newRenderer(inv, lang)
	var boxes []textBox
	r.trace = func(b textBox) { boxes = append(boxes, b) }
	r.drawInvoice()
	if r.err != nil {
		t.Fatal(r.err)
	}
	bad := 0
	for _, b := range boxes {
		if b.x < marginX-0.01 || b.x+b.w > pageW-marginX+0.01 || b.top < marginTop-0.01 || b.top+b.h > pageH-15 {
			if bad++; bad <= 10 {
				t.Errorf("outside the page: page %d, x %.1f, w %.1f, top %.1f: %q", b.page, b.x, b.w, b.top, b.s)
			}
		}
	}
	var buf bytes.Buffer
	if err := r.doc.Write(&buf, pdfgen.Info{Title: "test"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), boxes
}

func TestRenderInsidePage(t *testing.T) {
	for _, f := range fixtures.All() {
		renderChecked(t, &f.Invoice, French)
	}
	renderChecked(t, fullInvoice(t), English)
	renderChecked(t, fixtures.Bench(120), French)
}

// TestRenderLongTexts: long names, descriptions and notes wrap, words
// longer than a line break, texts longer than a page run over pages, huge
// figures shrink; nothing leaves the page and no figure changes.
func TestRenderLongTexts(t *testing.T) {
	inv := fullInvoice(t)
	word := strings.Repeat("Supercalifragilistic", 8)
	inv.Seller.Name = "Société " + word + " des " + strings.Repeat("établissements réunis ", 12) + "SAS"
	inv.Buyer.Name = strings.Repeat("Direction régionale ", 10)
	inv.Buyer.Address.Line1 = word
	inv.Lines[0].Item.Description = strings.Repeat("Une description très longue, avec des détails. ", 300)
	inv.Lines[1].Item.Name = word
	inv.Notes = append(inv.Notes, einvoice.Note{Text: strings.Repeat("Mention légale interminable.\n", 120)})
	inv.PaymentTerms = strings.Repeat("Paiement sous conditions ", 40)
	big := decimal.RequireFromString("98765432109876543.21")
	inv.Totals.Due = big
	price := decimal.RequireFromString("123456789.123456")
	inv.Lines[2].Price.Net = price
	raw, _ := renderChecked(t, inv, French)
	text := pdftotext(t, save(t, "long-texts", raw))
	l := labelsFor(French)
	for _, w := range []string{l.money(big, inv.Currency), l.number(price), "Mention légale interminable."} {
		if !contains(text, w) {
			t.Errorf("pdftotext lacks %q", w)
		}
	}
	if n := strings.Count(text, "Mention légale interminable."); n != 120 {
		t.Errorf("the long note shows %d of its 120 lines", n)
	}
}

var updateRender = flag.Bool("update-render", false, "rewrite the layout golden files in testdata/render")

// TestRenderGolden compares the layout (every line of text with its page,
// position, font and size) of a few invoices with testdata/render, so
// that a change of layout shows in review. Rewrite with -update-render,
// and look at the PDFs (-render-dir) before committing.
func TestRenderGolden(t *testing.T) {
	public, _ := fixtures.ByName("buyer-public-entity")
	for _, c := range []struct {
		name string
		inv  *einvoice.Invoice
		lang Language
	}{
		{"full", fullInvoice(t), French},
		{"full-en", fullInvoice(t), English},
		{"choruspro", &public.Invoice, French},
	} {
		_, boxes := renderChecked(t, c.inv, c.lang)
		var b strings.Builder
		for _, x := range boxes {
			font := "R"
			if x.bold {
				font = "B"
			}
			fmt.Fprintf(&b, "%d %6.2f %6.2f %6.2f %s%g %s\n", x.page, x.x, x.top, x.w, font, x.size, x.s)
		}
		path := filepath.Join("testdata", "render", c.name+".golden")
		if *updateRender {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update-render)", err)
		}
		if got := b.String(); got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := range max(len(gl), len(wl)) {
				g, w := "", ""
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Errorf("%s: the layout changed at line %d:\n got  %s\n want %s\n(run with -update-render if intended)", path, i+1, g, w)
					break
				}
			}
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Société Générale":            "Société Générale",
		"a\tb\r\nc\rd":                "a b\nc\nd",
		"40\u202f€ 1\u2007000":        "40\u00a0€ 1\u00a0000",
		"Saint\u2011Étienne":          "Saint-Étienne",
		"in\u00advisible\u200b\ufeff": "invisible",
		"bell\x07 del\x7f":            "bell del",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRenderConcurrent: the fonts are shared, the documents are not.
func TestRenderConcurrent(t *testing.T) {
	want := renderRaw(t, fullInvoice(t), nil)
	inv := fullInvoice(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			raw, err := renderPDF(inv, renderOpts())
			if err == nil && !bytes.Equal(raw, want) {
				err = errors.New("a concurrent rendering differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
