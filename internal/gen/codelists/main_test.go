package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/conformance"
)

// TestGeneratedFileUpToDate regenerates codes_gen.go in memory from the
// official schematron and compares it with the committed file.
func TestGeneratedFileUpToDate(t *testing.T) {
	dir := conformance.Need(t, ciiRel, ublRel)
	got, _, err := generate(filepath.Join(dir, ciiRel), filepath.Join(dir, ublRel))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "codes_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("codes_gen.go is stale (run go generate in the module root); first difference at line %d:\n generated: %q\n committed: %q", i+1, g, w)
			}
		}
		t.Fatal("codes_gen.go is stale (run go generate in the module root)")
	}
	if !regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`).Match(want) {
		t.Error("codes_gen.go lacks the generated-code header")
	}
}

// TestOfficialCounts pins the list sizes of the official files, so that an
// extraction that silently loses codes is noticed.
func TestOfficialCounts(t *testing.T) {
	dir := conformance.Need(t, ciiRel, ublRel)
	files := map[string]*schematron{}
	for name, rel := range map[string]string{cii: ciiRel, ubl: ublRel} {
		s, err := loadSchematron(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = s
	}
	types, _, err := build(specs, files)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"CurrencyCode": 178, "CountryCode": 251, "DocumentTypeCode": 62,
		"PaymentMeansCode": 84, "AllowanceReasonCode": 19, "ChargeReasonCode": 178,
		"VATCategory": 10, "TaxPointDateCode": 3, "ReferenceCode": 818,
		"ClassificationScheme": 185, "UnitCode": 2162, "EASCode": 104,
		"ICDCode": 243, "VATEXCode": 88, "SubjectCode": 401, "MIMECode": 6,
	}
	if len(types) != len(want) {
		t.Errorf("%d types, want %d", len(types), len(want))
	}
	for _, ty := range types {
		if n := len(ty.Consts); n != want[ty.Type] {
			t.Errorf("%s: %d codes, want %d", ty.Type, n, want[ty.Type])
		}
		if ty.Type == "DocumentTypeCode" && (len(ty.Preds) != 1 || len(ty.Preds[0].Names) != 13) {
			t.Errorf("DocumentTypeCode.IsCreditNote: %+v, want 13 codes", ty.Preds)
		}
	}
}

// snippet is a small schematron in the style of the CEN files, in Latin-1.
const snippet = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- Latin-1: caf` + "\xe9" + ` -->
<pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="EN16931-Codes">
  <rule context="ram:TypeCode" flag="fatal">
    <assert test="((not(contains(normalize-space(.), ' ')) and contains(' 380 381  389 ', concat(' ', normalize-space(.), ' '))))"
      flag="fatal" id="BR-CL-01">[BR-CL-01]-...</assert>
  </rule>
  <rule context="cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode" flag="fatal">
    <assert test="(self::cbc:InvoiceTypeCode and ((not(contains(normalize-space(.), ' ')) and contains(' 380 389 ', concat(' ', normalize-space(.), ' '))))) or (self::cbc:CreditNoteTypeCode and ((not(contains(normalize-space(.), ' ')) and contains(' 381 ', concat(' ', normalize-space(.), ' ')))))"
      id="BR-CL-02" flag="fatal">x</assert>
  </rule>
  <rule context="ram:AttachmentBinaryObject[@mimeCode]" flag="fatal">
    <assert
      test="((@mimeCode = 'application/pdf' or @mimeCode  = 'image/png'
        or @mimeCode = 'text/csv'))"
      flag="fatal" id="BR-CL-24">x</assert>
  </rule>
  <rule context="ram:ExemptionReasonCode" flag="fatal">
    <assert test="((not(contains(normalize-space(.), ' ')) and contains(' VATEX-EU-AE VATEX-EU-O ', concat(' ', normalize-space(upper-case(.)), ' '))))" id="BR-CL-22" flag="fatal">x</assert>
  </rule>
  <rule context="ram:Empty" flag="fatal">
    <assert test="contains('   ', concat(' ', normalize-space(.), ' '))" id="BR-CL-90" flag="fatal">x</assert>
  </rule>
  <rule context="ram:Dup" flag="fatal">
    <assert test="contains(' A B A ', concat(' ', normalize-space(.), ' '))" id="BR-CL-91" flag="fatal">x</assert>
  </rule>
  <rule context="ram:Other" flag="fatal">
    <assert test="string-length(.) = 3" id="BR-CL-92" flag="fatal">x</assert>
  </rule>
  <rule context="ram:Mixed" flag="fatal">
    <assert test="@mimeCode = 'a/b' and string-length(@mimeCode) &lt; 9" id="BR-CL-93" flag="fatal">x</assert>
  </rule>
</pattern>
`

func parseSnippet(t *testing.T) *schematron {
	t.Helper()
	s, err := parseSchematron(strings.NewReader(snippet), "snippet.sch")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExtractLists(t *testing.T) {
	s := parseSnippet(t)
	for _, tc := range []struct {
		id   string
		want [][]string
	}{
		{"BR-CL-01", [][]string{{"380", "381", "389"}}},
		{"BR-CL-02", [][]string{{"380", "389"}, {"381"}}},
		{"BR-CL-24", [][]string{{"application/pdf", "image/png", "text/csv"}}},
		{"BR-CL-22", [][]string{{"VATEX-EU-AE", "VATEX-EU-O"}}},
	} {
		got, err := s.lists(tc.id)
		if err != nil {
			t.Errorf("%s: %v", tc.id, err)
			continue
		}
		if !slices.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("%s: got %q, want %q", tc.id, got, tc.want)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	s := parseSnippet(t)
	for id, want := range map[string]string{
		"BR-CL-50": "no assert with id BR-CL-50",
		"BR-CL-90": "code list #1 is empty",
		"BR-CL-91": `has "A" twice`,
		"BR-CL-92": "no code list found",
		"BR-CL-93": "neither a contains",
	} {
		_, err := s.lists(id)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", id, err, want)
		}
	}
	if _, err := s.list("BR-CL-01", 1); err == nil || !strings.Contains(err.Error(), "want code list #2, the test has 1") {
		t.Errorf("list #2 of BR-CL-01: error %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"duplicate id": `<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="a"><assert test="x" id="R1"/><assert test="y" id="R1"/></rule></pattern>`,
		"no id":        `<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="a"><assert test="x"/></rule></pattern>`,
		"no asserts":   `<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="a"/></pattern>`,
		"wrong ns":     `<pattern xmlns="urn:other"><rule context="a"><assert test="x" id="R1"/></rule></pattern>`,
		"encoding":     `<?xml version="1.0" encoding="EBCDIC"?><pattern xmlns="http://purl.oclc.org/dsdl/schematron"/>`,
	} {
		if _, err := parseSchematron(strings.NewReader(doc), name); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestLatin1(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
		`<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="a">` +
		"<assert test=\"contains(' caf\xe9 ', concat(' ', normalize-space(.), ' '))\" id=\"R1\"/></rule></pattern>"
	s, err := parseSchematron(strings.NewReader(doc), "latin1")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.list("R1", 0)
	if err != nil || len(got) != 1 || got[0] != "café" {
		t.Errorf("got %q, %v; want [café]", got, err)
	}
}

// snippetSpecs are specs against the snippet (used as both bindings).
func snippetSpecs() []spec {
	return []spec{
		{
			Type: "DocType", Prefix: "Doc", Doc: "DocType is a test.",
			List:    listRef{cii, "BR-CL-01", 0},
			Compare: []listRef{{ubl, "BR-CL-02", 0}},
			Preds: []predicate{{
				Name: "IsCredit", Doc: "whether it credits.",
				List: listRef{ubl, "BR-CL-02", 1},
			}},
		},
		{
			Type: "Mime", Prefix: "Mime", Doc: "Mime is a test.",
			List: listRef{cii, "BR-CL-24", 0},
			Named: []named{
				{"application/pdf", "MimePDF", "PDF."},
				{"image/png", "MimePNG", "PNG."},
				{"text/csv", "MimeCSV", "CSV."},
			},
		},
		{
			Type: "VATEX", Doc: "VATEX is a test.",
			List: listRef{cii, "BR-CL-22", 0},
		},
	}
}

func TestBuildAndRender(t *testing.T) {
	s := parseSnippet(t)
	files := map[string]*schematron{cii: s, ubl: s}
	types, notes, err := build(snippetSpecs(), files)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 0 {
		t.Errorf("notes: %q", notes)
	}
	if got := types[0].Diff; got != "The UBL schematron's BR-CL-02 differs: it does not accept 381." {
		t.Errorf("diff sentence: %q", got)
	}
	src, err := render(types)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		header + "\n",
		"\tDoc380 DocType = \"380\"\n",
		"// MimePDF is \"application/pdf\": PDF.\n",
		"\tMimeCSV Mime = \"text/csv\"\n",
		"\tVATEX_EU_AE VATEX = \"VATEX-EU-AE\"\n",
		"func (c DocType) IsCredit() bool {\n\tswitch c {\n\tcase Doc381:\n",
		"func (c Mime) Valid() bool {\n\tswitch c {\n\tcase MimePDF, MimePNG, MimeCSV:\n",
		"func VATEXValues() []VATEX {\n\treturn []VATEX{\n\t\tVATEX_EU_AE, VATEX_EU_O,\n\t}\n}\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("generated source lacks %q:\n%s", want, src)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	s := parseSnippet(t)
	files := map[string]*schematron{cii: s, ubl: s}
	for name, tc := range map[string]struct {
		edit func([]spec) []spec
		want string
	}{
		"missing list": {func(sp []spec) []spec {
			sp[0].List.Rule = "BR-CL-77"
			return sp
		}, "no assert with id BR-CL-77"},
		"code without name": {func(sp []spec) []spec {
			sp[1].Named = sp[1].Named[:2]
			return sp
		}, `code "text/csv", which the generator's names table lacks`},
		"name without code": {func(sp []spec) []spec {
			sp[1].Named = append(sp[1].Named, named{"image/gif", "MimeGIF", "GIF."})
			return sp
		}, `names the code "image/gif" (MimeGIF)`},
		"predicate not a subset": {func(sp []spec) []spec {
			sp[0].List = listRef{ubl, "BR-CL-02", 0}
			return sp
		}, `code "381", which is not in`},
		"same list differs": {func(sp []spec) []spec {
			sp[0].Same = []string{"BR-CL-02"}
			return sp
		}, "expected to have the same list"},
		"invalid identifier": {func(sp []spec) []spec {
			sp[0].Prefix = ""
			return sp
		}, "not an exported Go identifier"},
		"duplicate identifier": {func(sp []spec) []spec {
			sp[2].Type = "Mime"
			return sp
		}, "declared twice"},
	} {
		_, _, err := build(tc.edit(snippetSpecs()), files)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.want)
		}
	}
}

func TestIdentPart(t *testing.T) {
	for code, want := range map[string]struct {
		part    string
		unusual bool
	}{
		"C62":             {"C62", false},
		"1A":              {"1A", false},
		"VATEX-EU-132-1A": {"VATEX_EU_132_1A", false},
		"a/b+c":           {"a_b_c", true},
	} {
		part, unusual := identPart(code)
		if part != want.part || unusual != want.unusual {
			t.Errorf("identPart(%q) = %q, %v; want %q, %v", code, part, unusual, want.part, want.unusual)
		}
	}
}

func TestGenerateMissingFile(t *testing.T) {
	_, _, err := generate(filepath.Join(t.TempDir(), "none.sch"), filepath.Join(t.TempDir(), "none.sch"))
	if err == nil {
		t.Fatal("no error for a missing file")
	}
}
