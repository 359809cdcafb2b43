package facturx

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
)

// The inputs of the tests: PDFs as ERPs print them (testdata/input, see
// its README.md), CII from the cii package's golden files.

var embInputs = []string{
	"pdfcpu-roboto.pdf",           // pdfcpu api.Create, a Roboto subset (Type0), object streams
	"ghostscript-pdfa3.pdf",       // Ghostscript -dPDFA=3 from PostScript, Type 1C fonts
	"libreoffice-pdfa3.pdf",       // LibreOffice PDF/A-3 export, tagged, own sRGB intent
	"libreoffice-multipage.pdf",   // LibreOffice plain export, three pages
	"fnfe-facture-fr-minimum.pdf", // FNFE-MPE sample: already Factur-X (MINIMUM)
}

func embTestdata(t testing.TB, path ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(path...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func embGolden(t testing.TB, name string) []byte {
	t.Helper()
	return embTestdata(t, "..", "cii", "testdata", "golden", name)
}

// embTime is the Options.Time of the tests.
var embTime = time.Date(2026, 6, 15, 10, 30, 0, 0, time.FixedZone("CEST", 2*3600))

// embedded is what a test reads back from an output with the package's
// own parser: the checks that need no external judge.
type embOutput struct {
	files   map[string]embFile // by name tree key
	af      []int              // object numbers of the catalog /AF entries
	xmp     string
	info    map[string]string
	trailer string
}

type embFile struct {
	rel, mime, desc string
	data            []byte
	nr              int
}

func embInspect(t testing.TB, pdf []byte) *embOutput {
	t.Helper()
	ctx, err := readPDFA(pdf)
	if err != nil {
		t.Fatalf("the output cannot be read back: %v", err)
	}
	cat, err := ctx.XRefTable.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	d := &srcDoc{xt: ctx.XRefTable, catalog: cat}
	e := &embOutput{files: map[string]embFile{}, info: map[string]string{}}
	for _, ne := range d.embeddedFiles() {
		fs := d.dict(ne.spec)
		ef := d.stream(d.dict(fs["EF"])["F"])
		if ef == nil {
			t.Fatalf("%s: no embedded file stream", ne.key)
		}
		data, err := ef.DecodeLengthWithLimit(-1, 1<<30)
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := e.files[ne.key]; dup {
			t.Errorf("two embedded files named %q", ne.key)
		}
		e.files[ne.key] = embFile{
			rel: d.name(fs["AFRelationship"]), mime: d.name(ef.Dict["Subtype"]), desc: d.text(fs["Desc"]),
			data: data, nr: refNr(ne.spec),
		}
	}
	for _, a := range d.array(cat["AF"]) {
		e.af = append(e.af, refNr(a))
	}
	if md := d.stream(cat["Metadata"]); md != nil {
		if md.Dict["Filter"] != nil {
			t.Error("the XMP metadata is compressed")
		}
		e.xmp = string(md.Raw)
	}
	for k, v := range d.dict(*ctx.XRefTable.Info) {
		e.info[k] = d.text(v)
	}
	i := bytes.LastIndex(pdf, []byte("trailer"))
	e.trailer = string(pdf[i:])
	return e
}

// embCheckOutput checks an output with the package's own means: what the
// judges check again independently.
func embCheckOutput(t *testing.T, name string, out, xml []byte, level string, rel Relationship) {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")) {
		t.Errorf("%s: header %q", name, out[:16])
	}
	if !bytes.HasSuffix(out, []byte("%%EOF\n")) {
		t.Errorf("%s: does not end with %%%%EOF", name)
	}
	if bytes.Contains(out, []byte("/CIDSet")) {
		t.Errorf("%s: a /CIDSet is left", name)
	}
	e := embInspect(t, out)
	if !strings.Contains(e.trailer, "/ID[<") {
		t.Errorf("%s: no trailer /ID: %s", name, e.trailer)
	}
	fx, ok := e.files["factur-x.xml"]
	if !ok {
		t.Fatalf("%s: no factur-x.xml", name)
	}
	if !bytes.Equal(fx.data, xml) {
		t.Errorf("%s: factur-x.xml differs from the XML embedded", name)
	}
	if fx.rel != string(rel) || fx.mime != "text/xml" {
		t.Errorf("%s: factur-x.xml /AFRelationship %s /Subtype %s, want %s text/xml", name, fx.rel, fx.mime, rel)
	}
	if !slices.Contains(e.af, fx.nr) {
		t.Errorf("%s: factur-x.xml (object %d) not in /AF %v", name, fx.nr, e.af)
	}
	for _, want := range []string{
		"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
		"<fx:ConformanceLevel>" + level + "</fx:ConformanceLevel>", "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
		"<pdf:Producer>" + pdfProducer + "</pdf:Producer>", "<xmp:CreateDate>2026-06-15T10:30:00+02:00</xmp:CreateDate>",
	} {
		if !strings.Contains(e.xmp, want) {
			t.Errorf("%s: the XMP lacks %s", name, want)
		}
	}
	if e.info["Producer"] != pdfProducer || e.info["CreationDate"] != "D:20260615103000+02'00'" {
		t.Errorf("%s: Info %v", name, e.info)
	}
}

// The cases judged by the external tools, all in one batch (pdfa-check is
// a Python program: one process for all files). Each makes an output with
// Embed (or makePDFA) and checks it with the package's own means; the
// judges then check it again, independently.

// embCase is an output to judge.
type embCase struct {
	name  string
	pdf   []byte
	xml   []byte   // the invoice embedded; nil for a PDF/A-3B without
	files []string // the embedded files pdfdetach must list, sorted; nil: not checked
}

// embInputCases embeds an EN 16931 invoice in each input.
func embInputCases(t *testing.T) []embCase {
	xml := embGolden(t, "base.xml")
	var cs []embCase
	for _, in := range embInputs {
		var buf bytes.Buffer
		if err := Embed(&buf, embTestdata(t, "testdata", "input", in), xml, &Options{Time: embTime}); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		embCheckOutput(t, in, buf.Bytes(), xml, "EN 16931", Alternative)
		cs = append(cs, embCase{name: in, pdf: buf.Bytes(), xml: xml})
	}
	return cs
}

func TestEmbedInputs(t *testing.T) { embInputCases(t) }

// embReplaceCase embeds into a Factur-X PDF: its factur-x.xml is replaced,
// not duplicated, and /AF lists only the new one.
func embReplaceCase(t *testing.T) embCase {
	in := embTestdata(t, "testdata", "input", "fnfe-facture-fr-minimum.pdf")
	before := embInspect(t, in)
	if _, ok := before.files["factur-x.xml"]; !ok || len(before.af) != 1 {
		t.Fatalf("the input should hold one associated factur-x.xml: %v, /AF %v", before.files, before.af)
	}
	xml := embGolden(t, "extended.xml")
	var buf bytes.Buffer
	if err := Embed(&buf, in, xml, &Options{Time: embTime}); err != nil {
		t.Fatal(err)
	}
	embCheckOutput(t, "replaced", buf.Bytes(), xml, "EXTENDED", Alternative)
	e := embInspect(t, buf.Bytes())
	if len(e.files) != 1 || len(e.af) != 1 {
		t.Errorf("%d embedded files, /AF %v; want factur-x.xml alone", len(e.files), e.af)
	}
	if bytes.Contains(buf.Bytes(), []byte("MINIMUM")) {
		t.Error("the old XMP (MINIMUM) is still in the file")
	}
	return embCase{name: "replaced.pdf", pdf: buf.Bytes(), xml: xml, files: []string{"factur-x.xml"}}
}

func TestEmbedReplacesInvoice(t *testing.T) { embReplaceCase(t) }

// embAttachCase adds supporting documents (BG-24): associated files with
// their MIME type and relationship.
func embAttachCase(t *testing.T) embCase {
	xml := embGolden(t, "attachments.xml")
	sheet := []byte("date;heures;intervenant\n2026-06-01;7,5;Éloïse Martin\n")
	note := embTestdata(t, "testdata", "input", "ghostscript-pdfa3.pdf")
	o := &Options{Time: embTime, Attachments: []Attachment{
		{Name: "feuille-de-temps.csv", MIME: "text/csv", Description: "Feuille de temps de juin", Data: sheet},
		{Name: "bon-de-livraison.pdf", MIME: "application/pdf", Relationship: Source, Data: note},
	}}
	var buf bytes.Buffer
	if err := Embed(&buf, embTestdata(t, "testdata", "input", "libreoffice-multipage.pdf"), xml, o); err != nil {
		t.Fatal(err)
	}
	embCheckOutput(t, "attachments", buf.Bytes(), xml, "EN 16931", Alternative)
	e := embInspect(t, buf.Bytes())
	want := map[string]embFile{
		"feuille-de-temps.csv": {rel: "Supplement", mime: "text/csv", desc: "Feuille de temps de juin", data: sheet},
		"bon-de-livraison.pdf": {rel: "Source", mime: "application/pdf", data: note},
	}
	for name, w := range want {
		g, ok := e.files[name]
		switch {
		case !ok:
			t.Errorf("%s missing", name)
		case g.rel != w.rel || g.mime != w.mime || g.desc != w.desc || !bytes.Equal(g.data, w.data):
			t.Errorf("%s: %s %s %q (%d bytes), want %s %s %q (%d bytes)", name, g.rel, g.mime, g.desc, len(g.data), w.rel, w.mime, w.desc, len(w.data))
		case !slices.Contains(e.af, g.nr):
			t.Errorf("%s not in /AF", name)
		}
	}
	if len(e.af) != 3 {
		t.Errorf("/AF has %d entries, want 3", len(e.af))
	}
	return embCase{name: "attachments.pdf", pdf: buf.Bytes(), xml: xml,
		files: []string{"bon-de-livraison.pdf", "factur-x.xml", "feuille-de-temps.csv"}}
}

func TestEmbedAttachments(t *testing.T) { embAttachCase(t) }

// embRelationshipCases: MINIMUM and BASIC WL force Data; the other
// profiles take Options.Relationship, Alternative by default.
func embRelationshipCases(t *testing.T) []embCase {
	in := embTestdata(t, "testdata", "input", "ghostscript-pdfa3.pdf")
	var cs []embCase
	for _, c := range []struct {
		xml   string
		rel   Relationship
		want  Relationship
		level string
	}{
		{"minimum.xml", "", Data, "MINIMUM"},
		{"minimum.xml", Alternative, Data, "MINIMUM"},
		{"basicwl.xml", Source, Data, "BASIC WL"},
		{"basic.xml", "", Alternative, "BASIC"},
		{"base.xml", Source, Source, "EN 16931"},
		{"base.xml", Data, Data, "EN 16931"},
		{"extended.xml", Source, Source, "EXTENDED"},
	} {
		xml := embGolden(t, c.xml)
		var buf bytes.Buffer
		if err := Embed(&buf, in, xml, &Options{Time: embTime, Relationship: c.rel}); err != nil {
			t.Fatalf("%s %q: %v", c.xml, c.rel, err)
		}
		name := strings.TrimSuffix(c.xml, ".xml") + "-" + string(c.rel) + ".pdf"
		embCheckOutput(t, name, buf.Bytes(), xml, c.level, c.want)
		cs = append(cs, embCase{name: name, pdf: buf.Bytes(), xml: xml})
	}
	for _, r := range []Relationship{Supplement, Unspecified, "Other"} {
		var buf bytes.Buffer
		if err := Embed(&buf, in, embGolden(t, "base.xml"), &Options{Relationship: r}); err == nil || buf.Len() != 0 {
			t.Errorf("Relationship %s for factur-x.xml: err %v, %d bytes written", r, err, buf.Len())
		}
	}
	return cs
}

func TestEmbedRelationship(t *testing.T) { embRelationshipCases(t) }

// embOptionsCase: Title, Author, Subject, Keywords and Creator go to the
// document information and the XMP, escaped; the input's are kept
// otherwise.
func embOptionsCase(t *testing.T) embCase {
	in := embTestdata(t, "testdata", "input", "ghostscript-pdfa3.pdf")
	xml := embGolden(t, "base.xml")
	var buf bytes.Buffer
	o := &Options{Time: embTime, Author: "Ateliers Berthier & Fils <ventes>", Subject: "Facture n° FA-2026-00300",
		Keywords: "facture, (mobilier)", Creator: "ERP Maison 4.2"}
	if err := Embed(&buf, in, xml, o); err != nil {
		t.Fatal(err)
	}
	e := embInspect(t, buf.Bytes())
	want := map[string]string{
		"Title":  "Facture FA-2026-00300", // kept from the input
		"Author": o.Author, "Subject": o.Subject, "Keywords": o.Keywords, "Creator": o.Creator,
	}
	for k, v := range want {
		if e.info[k] != v {
			t.Errorf("Info /%s = %q, want %q", k, e.info[k], v)
		}
	}
	for _, s := range []string{"<rdf:li>Ateliers Berthier &amp; Fils &lt;ventes&gt;</rdf:li>", "Facture n° FA-2026-00300",
		"<xmp:CreatorTool>ERP Maison 4.2</xmp:CreatorTool>", "<pdf:Keywords>facture, (mobilier)</pdf:Keywords>"} {
		if !strings.Contains(e.xmp, s) {
			t.Errorf("the XMP lacks %s", s)
		}
	}
	return embCase{name: "options.pdf", pdf: buf.Bytes(), xml: xml}
}

func TestEmbedOptions(t *testing.T) { embOptionsCase(t) }

// embRepairCase: what PDF/A forbids but can be repaired without changing
// the page is repaired. The repairs of real inputs are judged with the
// inputs (the CIDSet of pdfcpu-roboto.pdf, say); here the annotation flags
// and the appearance dictionary of a PDF made for it, without xref table.
func embRepairCase(t *testing.T) embCase {
	pdf := []byte(strings.Join([]string{
		"%PDF-1.4",
		"1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj",
		"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj",
		"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[4 0 R 5 0 R]/Resources<<>>>> endobj",
		"4 0 obj <</Type/Annot/Subtype/Link/Rect[0 0 100 100]/A<</S/URI/URI(https://example.com/)>>>> endobj",
		"5 0 obj <</Type/Annot/Subtype/Square/F 0/Rect[100 100 200 200]/AP<</N 6 0 R/D 6 0 R>>>> endobj",
		"6 0 obj <</Type/XObject/Subtype/Form/BBox[0 0 100 100]/Length 13>> stream\n0.5 g 0 0 m S\nendstream endobj",
		"trailer <</Root 1 0 R/Size 7>>",
		"%%EOF",
	}, "\n"))
	xml := embGolden(t, "minimum.xml")
	var buf bytes.Buffer
	if err := Embed(&buf, pdf, xml, &Options{Time: embTime}); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("/F 4")); n != 2 {
		t.Errorf("%d annotations have the Print flag, want 2", n)
	}
	if bytes.Contains(buf.Bytes(), []byte("/D ")) {
		t.Error("the down appearance is left")
	}
	return embCase{name: "repaired.pdf", pdf: buf.Bytes(), xml: xml}
}

func TestEmbedRepairs(t *testing.T) { embRepairCase(t) }

// embNoXMLCase: Render's path, a PDF/A-3B without invoice.
func embNoXMLCase(t *testing.T) embCase {
	var buf bytes.Buffer
	o := &Options{Time: embTime, Attachments: []Attachment{{Name: "notes.txt", MIME: "text/plain", Data: []byte("Livraison le 12 juin.")}}}
	if err := makePDFA(&buf, embTestdata(t, "testdata", "input", "pdfcpu-roboto.pdf"), nil, o); err != nil {
		t.Fatal(err)
	}
	e := embInspect(t, buf.Bytes())
	if strings.Contains(e.xmp, "fx:") || strings.Contains(e.xmp, "pdfaExtension") {
		t.Error("the XMP of a PDF without invoice has the Factur-X schema")
	}
	if !strings.Contains(e.xmp, "<pdfaid:part>3</pdfaid:part>") {
		t.Error("no PDF/A identification")
	}
	if len(e.files) != 1 || e.files["notes.txt"].rel != "Supplement" || len(e.af) != 1 {
		t.Errorf("embedded files %v, /AF %v; want notes.txt alone", e.files, e.af)
	}
	return embCase{name: "no-invoice.pdf", pdf: buf.Bytes(), files: []string{"notes.txt"}}
}

func TestMakePDFAWithoutXML(t *testing.T) { embNoXMLCase(t) }

// TestEmbedJudges has every case's output judged: pdfa-check (PDF/A-3B,
// Factur-X, Info/XMP equality; the Factur-X findings only for the PDF
// without invoice), qpdf --check, pdffonts (every font embedded), pdfdetach
// -list, pdfa-check --extract (the XML as embedded), and the CII judge on
// the XML extracted.
func TestEmbedJudges(t *testing.T) {
	cases := embInputCases(t)
	cases = append(cases, embReplaceCase(t), embAttachCase(t), embOptionsCase(t), embRepairCase(t), embNoXMLCase(t))
	cases = append(cases, embRelationshipCases(t)...)
	if t.Failed() {
		t.FailNow()
	}
	dir := t.TempDir()
	paths := make([]string, len(cases))
	for i, c := range cases {
		paths[i] = filepath.Join(dir, c.name)
		if err := os.WriteFile(paths[i], c.pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	verdicts := conformance.PDFACheck(t, nil, paths)
	for i, c := range cases {
		v := verdicts[paths[i]]
		if c.xml == nil {
			// No invoice by design: only the [FX] findings may fail.
			v.Pass = true
			for _, f := range v.Findings {
				if strings.HasPrefix(f, "FAIL") && !strings.HasPrefix(f, "FAIL [FX]") {
					v.Pass = false
				}
			}
		}
		if !v.Pass {
			t.Errorf("pdfa-check FAIL %s:\n  %s", c.name, strings.Join(v.Findings, "\n  "))
		}
	}
	for i, c := range cases {
		if v := conformance.QPDFCheck(t, paths[i]); !v.Pass {
			t.Errorf("qpdf --check %s:\n  %s", c.name, strings.Join(v.Findings, "\n  "))
		}
		fonts := conformance.PDFFonts(t, paths[i])
		if len(fonts) == 0 && c.name != "repaired.pdf" {
			t.Errorf("pdffonts %s: no fonts", c.name)
		}
		for _, ft := range fonts {
			if !ft.Embedded {
				t.Errorf("pdffonts %s: %s (%s) not embedded", c.name, ft.Name, ft.Type)
			}
		}
		if c.files != nil {
			names := conformance.PDFDetachList(t, paths[i])
			slices.Sort(names)
			if !slices.Equal(names, c.files) {
				t.Errorf("pdfdetach -list %s: %q, want %q", c.name, names, c.files)
			}
		}
	}

	extracted := conformance.PDFAExtract(t, paths)
	var xmls []string
	for i, c := range cases {
		a, ok := extracted[paths[i]]
		switch {
		case c.xml == nil:
			if ok {
				t.Errorf("pdfa-check --extract %s: found %s in a PDF without invoice", c.name, a.Name)
			}
			continue
		case !ok || a.Name != "factur-x.xml" || !bytes.Equal(a.XML, c.xml):
			t.Errorf("pdfa-check --extract %s: %q, %d bytes, not the XML embedded", c.name, a.Name, len(a.XML))
			continue
		}
		x := strings.TrimSuffix(paths[i], ".pdf") + ".xml"
		if err := os.WriteFile(x, a.XML, 0o644); err != nil {
			t.Fatal(err)
		}
		xmls = append(xmls, x)
	}
	for f, v := range conformance.Check(t, []string{"--profile", "auto"}, xmls) {
		if !v.Pass {
			t.Errorf("check FAIL %s:\n  %s", f, strings.Join(v.Findings, "\n  "))
		}
	}
}

// TestEmbedAttachmentErrors: attachments that cannot be written are
// errors, and nothing is written.
func TestEmbedAttachmentErrors(t *testing.T) {
	in := embTestdata(t, "testdata", "input", "ghostscript-pdfa3.pdf")
	xml := embGolden(t, "base.xml")
	for name, as := range map[string][]Attachment{
		"no name":      {{MIME: "text/plain", Data: []byte("x")}},
		"invoice name": {{Name: "factur-x.xml", Data: []byte("x")}},
		"duplicate":    {{Name: "a.txt", Data: []byte("x")}, {Name: "a.txt", Data: []byte("y")}},
		"bad MIME":     {{Name: "a.txt", MIME: "text", Data: []byte("x")}},
		"bad relation": {{Name: "a.txt", Relationship: "Side car", Data: []byte("x")}},
		"MIME params":  {{Name: "a.txt", MIME: "text/plain; charset=utf-8", Data: []byte("x")}},
	} {
		var buf bytes.Buffer
		if err := Embed(&buf, in, xml, &Options{Attachments: as}); err == nil || buf.Len() != 0 {
			t.Errorf("%s: err %v, %d bytes written", name, err, buf.Len())
		}
	}
}

// TestEmbedReproducible: the same inputs and Options give the same bytes;
// another Time or DocumentID gives other bytes.
func TestEmbedReproducible(t *testing.T) {
	in := embTestdata(t, "testdata", "input", "pdfcpu-roboto.pdf")
	xml := embGolden(t, "base.xml")
	embed := func(o *Options) []byte {
		t.Helper()
		var buf bytes.Buffer
		if err := Embed(&buf, in, xml, o); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	id := [16]byte{0xfa, 0xc7, 0x02, 0x06}
	a := embed(&Options{Time: embTime, DocumentID: id, Title: "Facture FA-2026-00100"})
	b := embed(&Options{Time: embTime, DocumentID: id, Title: "Facture FA-2026-00100"})
	if !bytes.Equal(a, b) {
		t.Fatal("two calls with the same inputs and Options wrote different bytes")
	}
	if !bytes.Contains(a, []byte("/ID[<fac70206000000000000000000000000>")) {
		t.Error("DocumentID is not the first half of the trailer /ID")
	}
	if c := embed(&Options{Time: embTime.Add(time.Second), DocumentID: id, Title: "Facture FA-2026-00100"}); bytes.Equal(a, c) {
		t.Error("another Time wrote the same bytes")
	}
	if c := embed(&Options{Time: embTime, DocumentID: [16]byte{1}, Title: "Facture FA-2026-00100"}); bytes.Equal(a, c) {
		t.Error("another DocumentID wrote the same bytes")
	}
	// A zero DocumentID is derived from the content and Time: still
	// reproducible, and another per Time.
	z1 := embed(&Options{Time: embTime})
	z2 := embed(&Options{Time: embTime})
	z3 := embed(&Options{Time: embTime.Add(time.Hour)})
	if !bytes.Equal(z1, z2) || bytes.Equal(z1, z3) {
		t.Error("a zero DocumentID is not derived from the content and Time")
	}
	// A zero Time is now.
	before := time.Now().Truncate(time.Second)
	e := embInspect(t, embed(nil))
	got := e.info["CreationDate"]
	if got < pdfDateText(before.Add(-time.Second))[:16] {
		t.Errorf("zero Time wrote CreationDate %s, before %s", got, pdfDateText(before))
	}
}

// TestEmbedRefusals: inputs that cannot become PDF/A-3B are a *PDFAError
// naming the rule, and nothing is written.
func TestEmbedRefusals(t *testing.T) {
	xml := embGolden(t, "base.xml")
	for _, c := range []struct {
		file, rule, where string
	}{
		{"helvetica.pdf", "6.2.11.4.1-1", "page 1, font F1 (Helvetica)"},
		{"encrypted.pdf", "6.1.3-2", "trailer"},
		{"encrypted-password.pdf", "6.1.3-2", "trailer"},
		{"javascript.pdf", "6.5.1-1", "catalog /OpenAction"},
		{"launch.pdf", "6.5.1-1", "page 1, annotation 1 (Link)"},
		{"catalog-aa.pdf", "6.5.2-1", "catalog"},
		{"cmyk.pdf", "6.2.4.3-3", "page 1"},
		{"pdf20.pdf", "6.1.2-1", "header"},
	} {
		var buf bytes.Buffer
		err := Embed(&buf, embTestdata(t, "testdata", "bad", c.file), xml, nil)
		var pe *PDFAError
		switch {
		case !errors.As(err, &pe):
			t.Errorf("%s: %v, want a *PDFAError", c.file, err)
		case pe.Rule != c.rule || pe.Where != c.where:
			t.Errorf("%s: [%s] %q, want [%s] %q (%v)", c.file, pe.Rule, pe.Where, c.rule, c.where, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written", c.file, buf.Len())
		}
	}
}

// TestEmbedNotPDFNotCII: input that is no PDF, XML that is no Factur-X
// CII.
func TestEmbedNotPDFNotCII(t *testing.T) {
	pdf := embTestdata(t, "testdata", "input", "ghostscript-pdfa3.pdf")
	xml := embGolden(t, "base.xml")
	for name, in := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("Facture FA-2026-00100"),
		"truncated": pdf[:len(pdf)/3],
		"xml":       xml,
	} {
		var buf bytes.Buffer
		if err := Embed(&buf, in, xml, nil); !errors.Is(err, ErrNotPDF) || buf.Len() != 0 {
			t.Errorf("PDF %s: %v, %d bytes written; want ErrNotPDF", name, err, buf.Len())
		}
	}
	ubl := `<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>`
	xrechnung := strings.Replace(string(xml), "urn:cen.eu:en16931:2017<", "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0<", 1)
	for name, x := range map[string]string{
		"empty":      "",
		"not XML":    "%PDF-1.7",
		"UBL":        ubl,
		"malformed":  strings.Replace(string(xml), "</rsm:ExchangedDocument>", "", 1),
		"no BT-24":   strings.Replace(string(xml), "GuidelineSpecifiedDocumentContextParameter", "BusinessProcessSpecifiedDocumentContextParameter", 2),
		"XRechnung":  xrechnung,
		"truncated":  string(xml[:len(xml)/2]),
		"after root": string(xml) + "<x/>",
	} {
		var buf bytes.Buffer
		if err := Embed(&buf, pdf, []byte(x), nil); !errors.Is(err, ErrNotCII) || buf.Len() != 0 {
			t.Errorf("XML %s: %v, %d bytes written; want ErrNotCII", name, err, buf.Len())
		}
	}
	for _, p := range cii.Profiles() {
		x := strings.Replace(string(xml), "urn:cen.eu:en16931:2017<", p.URN()+"<", 1)
		got, err := ciiProfileOf([]byte(x))
		if err != nil || got != p {
			t.Errorf("profile %s: %v, %v", p, got, err)
		}
	}
}

// TestEmbedWritesNoFiles: the package keeps pdfcpu's configuration in
// memory; nothing appears in the home, configuration or temporary
// directories.
func TestEmbedWritesNoFiles(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("TMPDIR", filepath.Join(home, "tmp"))
	t.Setenv("AppData", filepath.Join(home, "AppData"))
	var buf bytes.Buffer
	if err := Embed(&buf, embTestdata(t, "testdata", "input", "libreoffice-pdfa3.pdf"), embGolden(t, "base.xml"), nil); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(home)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("Embed wrote %s", filepath.Join(home, e.Name()))
	}
}

// TestICCProfile checks the generated sRGB profile against ICC.1:2001-04
// and the colorimetry of IEC 61966-2-1.
func TestICCProfile(t *testing.T) {
	p := srgbICC()
	be := func(i int) uint32 { return uint32(p[i])<<24 | uint32(p[i+1])<<16 | uint32(p[i+2])<<8 | uint32(p[i+3]) }
	if int(be(0)) != len(p) {
		t.Errorf("size field %d, profile %d bytes", be(0), len(p))
	}
	if string(p[12:24]) != "mntrRGB XYZ " || string(p[36:40]) != "acsp" || p[8] != 2 {
		t.Errorf("header %q %q version %d", p[12:24], p[36:40], p[8])
	}
	tags := map[string][2]uint32{}
	for i := 0; i < int(be(128)); i++ {
		o := 132 + 12*i
		off, size := be(o+4), be(o+8)
		if off%4 != 0 || int(off+size) > len(p) {
			t.Errorf("tag %s at %d, %d bytes", p[o:o+4], off, size)
		}
		tags[string(p[o:o+4])] = [2]uint32{off, size}
	}
	for _, sig := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if _, ok := tags[sig]; !ok {
			t.Errorf("no %s tag", sig)
		}
	}
	xyz := func(sig string) [3]float64 {
		o := int(tags[sig][0]) + 8
		var v [3]float64
		for i := range v {
			v[i] = float64(int32(be(o+4*i))) / 65536
		}
		return v
	}
	// The Bradford-adapted sRGB primaries as published with the standard.
	want := map[string][3]float64{
		"rXYZ": {0.4361, 0.2225, 0.0139}, "gXYZ": {0.3851, 0.7169, 0.0971}, "bXYZ": {0.1431, 0.0606, 0.7141},
		"wtpt": {0.9642, 1.0, 0.8249},
	}
	for sig, w := range want {
		g := xyz(sig)
		for i := range g {
			if d := g[i] - w[i]; d > 0.0005 || d < -0.0005 {
				t.Errorf("%s = %.4f, want %.4f", sig, g, w)
				break
			}
		}
	}
	// The curve: 0, the linear segment, 1.
	o := int(tags["rTRC"][0])
	n := int(be(o + 8))
	at := func(i int) float64 { return float64(uint16(p[o+12+2*i])<<8|uint16(p[o+13+2*i])) / 65535 }
	if n != iccCurvePoints || at(0) != 0 || at(n-1) != 1 || tags["gTRC"] != tags["rTRC"] {
		t.Errorf("tone curve: %d points, ends %v %v", n, at(0), at(n-1))
	}
	if g := at(n / 2); g < 0.21 || g > 0.22 { // sRGB 0.5 -> 0.214
		t.Errorf("tone curve at 0.5: %.4f", g)
	}
}

// FuzzEmbed: no input makes Embed panic, and an error writes nothing.
func FuzzEmbed(f *testing.F) {
	for _, in := range embInputs {
		f.Add(embTestdata(f, "testdata", "input", in))
	}
	entries, _ := os.ReadDir(filepath.Join("testdata", "bad"))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			f.Add(embTestdata(f, "testdata", "bad", e.Name()))
		}
	}
	xml := embGolden(f, "minimum.xml")
	f.Fuzz(func(t *testing.T, pdf []byte) {
		var buf bytes.Buffer
		err := Embed(&buf, pdf, xml, &Options{Time: embTime})
		if err != nil && buf.Len() != 0 {
			t.Errorf("error %v and %d bytes written", err, buf.Len())
		}
		if err != nil && strings.Contains(err.Error(), "cannot be converted (panic") {
			t.Errorf("a panic while converting: %v", err)
		}
	})
}

// TestZlib: zlibBytes writes zlib streams that compress/zlib reads back,
// for data with and without repetitions, matches of every length and
// distances up to the window's.
func TestZlib(t *testing.T) {
	rnd := make([]byte, 70000)
	x := uint32(1)
	for i := range rnd {
		x = x*1664525 + 1013904223
		rnd[i] = byte(x >> 24)
	}
	var ramp []byte
	for n := 1; n < 300; n++ {
		ramp = append(ramp, rnd[:n]...) // matches of every length, at growing distances
	}
	far := append(append(append([]byte{}, rnd[:40000]...), rnd[:1000]...), rnd[7000:8000]...)
	cases := map[string][]byte{
		"empty": nil, "one": {'x'}, "three": []byte("abc"), "zeros": make([]byte, 100000),
		"random": rnd, "ramp": ramp, "far": far, "xml": embGolden(t, "many-lines.xml"),
		"icc": srgbICC(),
	}
	for name, in := range cases {
		z := zlibBytes(in)
		r, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		out, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(out, in) {
			t.Errorf("%s: read back %d bytes of %d, %v", name, len(out), len(in), err)
		}
	}
	if xml := cases["xml"]; len(zlibBytes(xml)) > len(xml)/5 {
		t.Errorf("XML compressed to %d bytes of %d", len(zlibBytes(xml)), len(xml))
	}
}

// FuzzZlib: any data round-trips through zlibBytes and compress/zlib.
func FuzzZlib(f *testing.F) {
	f.Add([]byte("Facture FA-2026-00100 Facture FA-2026-00101"))
	f.Add(embGolden(f, "minimum.xml"))
	f.Fuzz(func(t *testing.T, in []byte) {
		r, err := zlib.NewReader(bytes.NewReader(zlibBytes(in)))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(out, in) {
			t.Fatalf("read back %d bytes of %d, %v", len(out), len(in), err)
		}
	})
}

// embCrafted returns a one-page PDF without xref table (pdfcpu rebuilds
// it): catalog 1 with extra entries cat, page 3 with extra entries page
// and content, objects from 5 on.
func embCrafted(cat, page, content string, objs ...string) []byte {
	lines := []string{
		"%PDF-1.7",
		"1 0 obj <</Type/Catalog/Pages 2 0 R" + cat + ">> endobj",
		"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj",
		"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R" + page + ">> endobj",
		"4 0 obj <</Length " + strconv.Itoa(len(content)) + ">> stream\n" + content + "\nendstream endobj",
	}
	for i, o := range objs {
		lines = append(lines, strconv.Itoa(i+5)+" 0 obj "+o+" endobj")
	}
	lines = append(lines, "trailer <</Root 1 0 R/Size "+strconv.Itoa(len(objs)+5)+">>", "%%EOF")
	return []byte(strings.Join(lines, "\n"))
}

// TestEmbedRefusalsCrafted: more refusals, on PDFs made for each.
func TestEmbedRefusalsCrafted(t *testing.T) {
	xml := embGolden(t, "base.xml")
	box := "0.5 g 50 700 200 50 re f"
	font := "/Resources<</Font<</F1 5 0 R>>>>"
	for _, c := range []struct {
		name, rule, where string
		pdf               []byte
	}{
		{"page AA", "6.5.2-2", "page 1", embCrafted("", "/AA<</O<</S/URI/URI(https://example.com/)>>>>", box)},
		{"JavaScript name tree", "6.5.1-1", "catalog /Names", embCrafted("/Names<</JavaScript 5 0 R>>", "", box, "<</Names[(a) 6 0 R]>>", "<</S/JavaScript/JS(1)>>")},
		{"NeedAppearances", "6.4.1-3", "catalog /AcroForm", embCrafted("/AcroForm<</Fields[]/NeedAppearances true>>", "", box)},
		{"XFA", "6.4.2-1", "catalog /AcroForm", embCrafted("/AcroForm<</Fields[]/XFA 5 0 R>>", "", box, "<</Length 0>> stream\n\nendstream")},
		{"named action", "6.5.1-2", "catalog /OpenAction", embCrafted("/OpenAction<</S/Named/N/Print>>", "", box)},
		{"chained JavaScript", "6.5.1-1", "catalog /OpenAction", embCrafted("/OpenAction<</S/GoTo/D[3 0 R/Fit]/Next[5 0 R]>>", "", box, "<</S/JavaScript/JS(1)>>")},
		{"outline Launch", "6.5.1-1", `outline item "Facture"`, embCrafted("/Outlines 5 0 R", "", box, "<</First 6 0 R/Last 6 0 R/Count 1>>", "<</Title(Facture)/Parent 5 0 R/A<</S/Launch/F(x.exe)>>>>")},
		{"hidden annotation", "6.3.2-2", "page 1, annotation 1 (Square)", embCrafted("", "/Annots[<</Subtype/Square/Rect[0 0 10 10]/F 6/AP<</N 5 0 R>>>>]", box, "<</Subtype/Form/BBox[0 0 10 10]/Length 0>> stream\n\nendstream")},
		{"no appearance", "6.3.3-1", "page 1, annotation 1 (Square)", embCrafted("", "/Annots[<</Subtype/Square/Rect[0 0 10 10]/F 4>>]", box)},
		{"movie annotation", "6.3.1-1", "page 1, annotation 1 (Movie)", embCrafted("", "/Annots[<</Subtype/Movie/Rect[0 0 10 10]/F 4>>]", box)},
		{"widget action", "6.4.1-1", "page 1, annotation 1 (Widget)", embCrafted("", "/Annots[<</Subtype/Widget/Rect[0 0 10 10]/F 4/AP<</N 5 0 R>>/A<</S/URI/URI(x)>>>>]", box, "<</Subtype/Form/BBox[0 0 10 10]/Length 0>> stream\n\nendstream")},
		{"undefined operator", "6.2.2-1", "page 1", embCrafted("", "", box+" 1 2 frobnicate")},
		{"font in a form", "6.2.11.4.1-1", "page 1, form Fm0, font F1 (Courier)", embCrafted("", "/Resources<</XObject<</Fm0 5 0 R>>>>", "/Fm0 Do",
			"<</Subtype/Form/BBox[0 0 10 10]/Resources<</Font<</F1 6 0 R>>>>/Length 28>> stream\nBT /F1 9 Tf (Total) Tj ET\nendstream",
			"<</Type/Font/Subtype/Type1/BaseFont/Courier>>")},
		{"missing font", "6.2.11.4.1-1", "page 1, font F9", embCrafted("", font, "BT /F9 9 Tf (x) Tj ET", "<</Type/Font/Subtype/Type1/BaseFont/Courier>>")},
		{"CMYK image", "6.2.4.3-3", "page 1, image Im0", embCrafted("", "/Resources<</XObject<</Im0 5 0 R>>>>", "q 10 0 0 10 0 0 cm /Im0 Do Q",
			"<</Subtype/Image/Width 1/Height 1/ColorSpace/DeviceCMYK/BitsPerComponent 8/Length 4>> stream\n\x00\x00\x00\xff\nendstream")},
		{"CMYK separation", "6.2.4.3-3", "page 1", embCrafted("", "/Resources<</ColorSpace<</CS0[/Separation/Gold/DeviceCMYK 5 0 R]>>>>", "/CS0 cs 1 scn "+box,
			"<</FunctionType 2/Domain[0 1]/C0[0 0 0 0]/C1[0 0.2 1 0]/N 1>>")},
		{"transfer function", "6.2.5-1", "page 1, graphics state GS0", embCrafted("", "/Resources<</ExtGState<</GS0<</TR/Identity>>>>>>", "/GS0 gs "+box)},
		{"LZW", "6.1.7.2-1", "object 5", embCrafted("", "/Resources<</XObject<</Fm0 5 0 R>>>>", box,
			"<</Subtype/Form/BBox[0 0 10 10]/Filter/LZWDecode/Length 3>> stream\n\x80\x0b\x60\nendstream")},
		{"inline image LZW", "6.1.10-1", "page 1, inline image", embCrafted("", "", "BI /W 1 /H 1 /CS /G /BPC 8 /F /LZW ID \x80\x0b\x60\x50 EI")},
	} {
		var buf bytes.Buffer
		err := Embed(&buf, c.pdf, xml, nil)
		var pe *PDFAError
		switch {
		case !errors.As(err, &pe):
			t.Errorf("%s: %v, want a *PDFAError", c.name, err)
		case pe.Rule != c.rule || pe.Where != c.where:
			t.Errorf("%s: [%s] %q, want [%s] %q (%v)", c.name, pe.Rule, pe.Where, c.rule, c.where, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written", c.name, buf.Len())
		}
	}
	// What PDF/A allows passes: the same PDFs without the defect.
	for name, pdf := range map[string][]byte{
		"box":           embCrafted("", "", box),
		"render mode 3": embCrafted("", font, "BT 3 Tr /F1 9 Tf (invisible) Tj ET", "<</Type/Font/Subtype/Type1/BaseFont/Courier>>"),
		"unused font":   embCrafted("", font, box, "<</Type/Font/Subtype/Type1/BaseFont/Courier>>"),
		"DefaultCMYK":   embCrafted("", "/Resources<</ColorSpace<</DefaultCMYK[/ICCBased 5 0 R]>>>>", "0 0 0 1 k "+box, "<</N 4/Length 0>> stream\n\nendstream"),
		"BX EX":         embCrafted("", "", "BX 1 frobnicate EX "+box),
		"GoTo":          embCrafted("/OpenAction<</S/GoTo/D[3 0 R/Fit]>>", "", box),
		"inline image":  embCrafted("", "", "q BI /W 1 /H 1 /CS /G /BPC 8 /F /AHx ID 80> EI Q "+box),
	} {
		var buf bytes.Buffer
		if err := Embed(&buf, pdf, xml, nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestEmbedConcurrent: calls in parallel share nothing and write the same
// bytes.
func TestEmbedConcurrent(t *testing.T) {
	in := embTestdata(t, "testdata", "input", "libreoffice-multipage.pdf")
	xml := embGolden(t, "base.xml")
	outs := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := Embed(&buf, in, xml, &Options{Time: embTime}); err != nil {
				t.Error(err)
			}
			outs[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i := range outs[1:] {
		if !bytes.Equal(outs[0], outs[i+1]) {
			t.Errorf("call %d wrote other bytes than call 0", i+1)
		}
	}
}
