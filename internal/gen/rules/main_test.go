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

// needSources returns the conformance directory, or skips the test when
// the schematron sources are missing (fails when EINVOICE_CONFORMANCE=1).
func needSources(t *testing.T) string {
	t.Helper()
	paths := []string{
		"cii/schematron/sch/abstract", "cii/schematron/sch/CII", "cii/schematron/sch/codelist",
		"ubl/schematron/sch/abstract", "ubl/schematron/sch/UBL", "ubl/schematron/sch/codelist",
	}
	for _, p := range profiles {
		paths = append(paths, "facturx/"+p.dir+"/schematron/sch")
	}
	paths = append(paths, "fr/cii/sch", "fr/ubl/sch")
	return conformance.Need(t, paths...)
}

// TestGeneratedFileUpToDate regenerates rules_gen.go in memory from the
// official schematrons and compares it with the committed file.
func TestGeneratedFileUpToDate(t *testing.T) {
	got, _, err := generate(needSources(t))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "validate", "rules_gen.go"))
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
				t.Fatalf("validate/rules_gen.go is stale (run go generate ./validate in the module root); first difference at line %d:\n generated: %q\n committed: %q", i+1, g, w)
			}
		}
		t.Fatal("validate/rules_gen.go is stale (run go generate ./validate in the module root)")
	}
	if !regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`).Match(want) {
		t.Error("rules_gen.go lacks the generated-code header")
	}
}

// TestOfficialCounts pins the number of ids per family, so that an
// extraction that silently loses rules is noticed.
func TestOfficialCounts(t *testing.T) {
	rules, _, err := load(needSources(t))
	if err != nil {
		t.Fatal(err)
	}
	family := regexp.MustCompile(`^(.*?)-?\d+[a-z]*(-\d+)?$`)
	frFamily := regexp.MustCompile(`^(BR-FR(?:-[A-Z]+)?)-(?:\d\d|BD)[-_]`)
	got := make(map[string]int)
	br := 0
	var frCIIn, frUBLn, frBoth int
	for _, r := range rules {
		if strings.HasPrefix(r.ID, "BR-FR-") {
			m := frFamily.FindStringSubmatch(r.ID)
			if m == nil {
				t.Errorf("French id %q has an unexpected form", r.ID)
				continue
			}
			got[m[1]]++
			c, u := r.has(frCII), r.has(frUBL)
			if c {
				frCIIn++
			}
			if u {
				frUBLn++
			}
			if c && u {
				frBoth++
			}
			if !c && !u || r.Profiles != nil || !r.Fatal {
				t.Errorf("%s: origins %b, profiles %v, fatal %v", r.ID, r.in, r.Profiles, r.Fatal)
			}
			continue
		}
		m := family.FindStringSubmatch(r.ID)
		if m == nil {
			t.Errorf("id %q has an unexpected form", r.ID)
			continue
		}
		got[m[1]]++
		if strings.HasPrefix(r.ID, "BR-") {
			br++
		}
	}
	want := map[string]int{
		"BR": 58, "BR-CO": 24, "BR-CL": 23, "BR-DEC": 21,
		"BR-S": 10, "BR-Z": 10, "BR-E": 10, "BR-AE": 10, "BR-IC": 12, "BR-G": 10, "BR-O": 14,
		"BR-AF": 10, "BR-AG": 10, "BR-B": 2,
		"CII-SR": 482, "CII-DT": 101, "UBL-SR": 54, "UBL-CR": 678, "UBL-DT": 24,
		"FX-SCH-A": 899, "PEPPOL-EN16931-R": 1,
		// French CIUS: 171 ids in the CII file, 175 in the UBL one,
		// 147 in both.
		"BR-FR": 114, "BR-FR-CO": 32, "BR-FR-DEC": 25, "BR-FR-MV": 21, "BR-FR-BD": 7,
	}
	for f, n := range want {
		if got[f] != n {
			t.Errorf("%s: %d ids, want %d", f, got[f], n)
		}
	}
	if br < 200 {
		t.Errorf("%d BR-* ids, want at least 200", br)
	}
	if frCIIn != 171 || frUBLn != 175 || frBoth != 147 {
		t.Errorf("French ids: %d CII, %d UBL, %d both; want 171, 175, 147", frCIIn, frUBLn, frBoth)
	}
	if n := len(rules); n != 2723 {
		t.Errorf("%d rules, want 2723", n)
	}
}

// TestSpotChecks checks a few rules against what the sources say.
func TestSpotChecks(t *testing.T) {
	rules, _, err := load(needSources(t))
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]*rule, len(rules))
	for _, r := range rules {
		byID[r.ID] = r
	}
	all := []int{0, 1, 2, 3, 4}
	for _, tc := range []struct {
		id       string
		fatal    bool
		terms    []string
		prefix   string // of the message
		profiles []int
	}{
		{"BR-CO-15", true, []string{"BT-112", "BT-109", "BT-110"}, "Invoice total amount with VAT (BT-112) = ", []int{1, 2, 3}},
		{"BR-01", true, []string{"BT-24"}, "An Invoice shall have a Specification identifier (BT-24).", all},
		// CEN flags: a warning of the CII syntax binding, one of UBL.
		{"CII-SR-001", false, nil, "SpecifiedTransactionID should not be present", nil},
		{"UBL-CR-001", false, nil, "A UBL invoice should not include extensions", nil},
		// The UBL text, for the CII one names BT-97; the CII flag.
		{"BR-51", true, []string{"BT-87"}, "In accordance with card payments", []int{3, 4}},
		// The id attribute, not the message's [CII-SR-004] prefix.
		{"CII-SR-04", false, nil, "Value should not be present", nil},
		// Factur-X: no flag is an error, flag="warning" a warning.
		{"FX-SCH-A-000027", true, nil, "Element 'ram:SellerTradeParty' must occur exactly 1 times.", all},
		{"BR-FXEXT-04", false, nil, "To ensure automated processing", []int{4}},
		{"BR-FXEXT-01", true, []string{"BT-21", "BT-X-5", "BT-22"}, "If the Invoice Free Text subject Code (BT-21)", []int{4}},
		{"BR-CO-25", true, []string{"BT-115", "BT-9", "BT-20"}, "In case the Amount due", []int{4}},
		// French CIUS: the CII text, without its header and <value-of>.
		{"BR-FR-10_BT-30", true, []string{"BT-30"}, "Le SIREN du vendeur (ram:ID) est obligatoire et doit être composé exactement de 9 chiffres. Valeur actuelle : \"\". ", nil},
		{"BR-FR-09_EXT-FR-FE-06", true, []string{"EXT-FR-FE-06"}, "Le SIRET doit contenir 14 chiffres", nil},
		// An ordinal; a sub-term, which the header names.
		{"BR-FR-CO-09_BT-23-2", true, []string{"BT-23"}, "Si le cadre de facturation (BT-23) est B2, S2 ou M2, alors le net à payer (BT-115)", nil},
		{"BR-FR-CO-14_BT-29-1", true, []string{"BT-29-1"}, "Si le schéma d’identification du vendeur (BT-29-1) est '0231'", nil},
		// A <value-of> written as text (&lt;value-of/&gt;).
		{"BR-FR-DEC-01_BT-92_BT-99", true, []string{"BT-92", "BT-99"}, "Le montant « » est invalide.", nil},
		{"BR-FR-29_AFL", true, nil, "L’identifiant associé au schéma \"AFL\" (ram:IssuerAssignedID)", nil},
		// UBL only, after a "[header]-".
		{"BR-FR-MV-BD_BT-3", true, []string{"BT-3"}, "Lorsque le cadre de facturation (BT-23) est S9, B9 ou M9", nil},
		{"BR-FR-MV-11_BT-128", true, []string{"BT-128"}, "ID Seller : , NB ligne GROUP seller : Numero", nil},
	} {
		r := byID[tc.id]
		if r == nil {
			t.Errorf("%s: missing", tc.id)
			continue
		}
		if r.Fatal != tc.fatal {
			t.Errorf("%s: fatal %v, want %v", tc.id, r.Fatal, tc.fatal)
		}
		if !slices.Equal(r.Terms, tc.terms) {
			t.Errorf("%s: terms %q, want %q", tc.id, r.Terms, tc.terms)
		}
		if !strings.HasPrefix(r.Message, tc.prefix) {
			t.Errorf("%s: message %q, want one starting with %q", tc.id, r.Message, tc.prefix)
		}
		if !slices.Equal(r.Profiles, tc.profiles) {
			t.Errorf("%s: profiles %v, want %v", tc.id, r.Profiles, tc.profiles)
		}
	}
	for _, r := range rules {
		if strings.HasPrefix(r.Message, "[") || r.Message != strings.TrimSpace(r.Message) {
			t.Errorf("%s: message %q keeps a prefix or spaces", r.ID, r.Message)
		}
		if strings.HasPrefix(r.Message, "BR-FR") || strings.Contains(r.Message, "value-of") {
			t.Errorf("%s: message %q keeps a header or a <value-of>", r.ID, r.Message)
		}
	}
}

func TestFrSplit(t *testing.T) {
	for text, want := range map[string][2]string{
		"BR-FR-01/BT-1 : L'identifiant":                                  {"BR-FR-01/BT-1", "L'identifiant"},
		"[BR-FR-28] : La valeur":                                         {"BR-FR-28", "La valeur"},
		"BR-FR-15/BT-95 ou BT-102 : Code":                                {"BR-FR-15/BT-95 ou BT-102", "Code"},
		"[BR-FR-01/EXT-FR-FE-136 : L'identifiant":                        {"BR-FR-01/EXT-FR-FE-136", "L'identifiant"},
		"BR-FR-CO-10/EXT-FR-FE-146] : Si":                                {"BR-FR-CO-10/EXT-FR-FE-146", "Si"},
		"[BR-FR-MV-02/EXT-FR-FE-163] :,Lorsque":                          {"BR-FR-MV-02/EXT-FR-FE-163", "Lorsque"},
		"[BR-FR-MV-11/BT-128]-ID Seller : , NB":                          {"BR-FR-MV-11/BT-128", "ID Seller : , NB"},
		"invoiceID : BR-FR-BD-02/BT-30 : Lorsque":                        {"BR-FR-BD-02/BT-30", "Lorsque"},
		"BR-FR-MV-14-EXT-FR-FE-136 : Num":                                {"BR-FR-MV-14-EXT-FR-FE-136", "Num"},
		`BR-FR-DEC-01/BT-92 : Le montant « <value-of select="."/> » est`: {"BR-FR-DEC-01/BT-92", "Le montant « » est"},
	} {
		header, msg, ok := frSplit(text)
		if !ok || header != want[0] || msg != want[1] {
			t.Errorf("frSplit(%q) = %q, %q, %v; want %q, %q", text, header, msg, ok, want[0], want[1])
		}
	}
	for _, text := range []string{"Le SIRET doit", "BT-1 : x", "[BR-CO-15]-Invoice total"} {
		if _, _, ok := frSplit(text); ok {
			t.Errorf("frSplit(%q): a header", text)
		}
	}
}

func TestFrTerms(t *testing.T) {
	for _, tc := range []struct {
		id, header, msg string
		want            []string
	}{
		{"BR-FR-01_BT-1", "BR-FR-01/BT-1", "", []string{"BT-1"}},
		{"BR-FR-09_EXT-FR-FE-06", "BR-FR-09/EXT-FR-FE-06", "", []string{"EXT-FR-FE-06"}},
		{"BR-FR-DEC-01_BT-92_BT-99", "BR-FR-DEC-01/BT-92/BT-99", "", []string{"BT-92", "BT-99"}},
		// The id, not the header.
		{"BR-FR-DEC-01_BT-93_BT-100", "BR-FR-DEC-01/BT-93", "", []string{"BT-93", "BT-100"}},
		{"BR-FR-CO-04_BT-4", "BR-FR-CO-04/BT-3", "(BT-3)", []string{"BT-4"}},
		// Ordinals.
		{"BR-FR-CO-09_BT-23-1", "BR-FR-CO-09/BT-23", "(BT-23) (BT-113)", []string{"BT-23"}},
		{"BR-FR-CO-10_BT-29-1", "BR-FR-CO-10/BT-29", "(BT-29) son schéma (BT-29-1)", []string{"BT-29"}},
		{"BR-FR-CO-10_EXT-FR-FE-115-2", "BR-FR-CO-10/EXT-FR-FE-115", "", []string{"EXT-FR-FE-115"}},
		{"BR-FR-01_BT-EXT-FR-FE-136-2", "BR-FR-01/EXT-FR-FE-136", "", []string{"EXT-FR-FE-136"}},
		// A sub-term the header names.
		{"BR-FR-CO-14_BT-29-1", "BR-FR-CO-14/BT-29-1", "(BT-29-1)", []string{"BT-29-1"}},
		// Suffixes that are not terms.
		{"BR-FR-05_BT-22_PMT", "BR-FR-05/BT-22", "notes (BG-1)", []string{"BT-22"}},
		{"BR-FR-MV-03_BT-128_AFL", "BR-FR-MV-03/BT-128", "", []string{"BT-128"}},
		{"BR-FR-15_BT-95_BT-102_LM", "BR-FR-15/BT-95 ou BT-102", "", []string{"BT-95", "BT-102"}},
		{"BR-FR-MV-14-EXT-FR-FE-136", "BR-FR-MV-14-EXT-FR-FE-136", "", []string{"EXT-FR-FE-136"}},
		{"BR-FR-MV-05_EXT-FR-FE-BG-12", "BR-FR-MV-05/EXT-FR-FE-BG-12", "(BT-131)", []string{"EXT-FR-FE-BG-12"}},
		{"BR-FR-27_BG-32", "BR-FR-27/BG-32", "", []string{"BG-32"}},
		// No term in the id: those of the message.
		{"BR-FR-29_AFL", "BR-FR-29/AFL", `schéma "AFL" (ram:IssuerAssignedID)`, nil},
		{"BR-FR-32-LEGALID", "BR-FR-32/LEGALID", "", nil},
		{"BR-FR-28-Value", "BR-FR-28", "valeur (BT-160), (BT-161) et BT-160-0 ou EXT-FR-FE-159", []string{"BT-160", "BT-161", "BT-160-0", "EXT-FR-FE-159"}},
	} {
		if got := frTerms(tc.id, tc.header, tc.msg); !slices.Equal(got, tc.want) {
			t.Errorf("frTerms(%q, %q, %q) = %q, want %q", tc.id, tc.header, tc.msg, got, tc.want)
		}
	}
}

func TestFrHeaderAgrees(t *testing.T) {
	for _, tc := range []struct {
		id, header string
		want       bool
	}{
		{"BR-FR-01_BT-1", "BR-FR-01/BT-1", true},
		{"BR-FR-CO-09_BT-23-1", "BR-FR-CO-09/BT-23", true},
		{"BR-FR-15_BT-95_BT-102", "BR-FR-15/BT-95 ou BT-102", true},
		{"BR-FR-29_AFL", "BR-FR-29/AFL", true},
		{"BR-FR-MV-14-EXT-FR-FE-136", "BR-FR-MV-14-EXT-FR-FE-136", true},
		{"BR-FR-30_BT-21", "BR-FR-31/BT-21", false},
		{"BR-FR-MV-BD_BT-3", "BR-FR-BD-13/BT-3", false},
		{"BR-FR-CO-04_BT-4", "BR-FR-CO-04/BT-3", false},
		{"BR-FR-DEC-01_BT-93_BT-100", "BR-FR-DEC-01/BT-93", false},
	} {
		if got := frHeaderAgrees(tc.id, tc.header); got != tc.want {
			t.Errorf("frHeaderAgrees(%q, %q) = %v", tc.id, tc.header, got)
		}
	}
}

func TestMessage(t *testing.T) {
	for text, want := range map[string][2]string{
		"[BR-CO-15]-Invoice total":        {"Invoice total", "BR-CO-15"},
		"[CII-SR-464] - PayerSpecified":   {"PayerSpecified", "CII-SR-464"},
		"[BR-FXEXT-06]- For each item":    {"For each item", "BR-FXEXT-06"},
		"[BR-FXEXT-AE-08b] -In a VAT":     {"In a VAT", "BR-FXEXT-AE-08b"},
		"Element 'ram:X' must occur once": {"Element 'ram:X' must occur once", ""},
		"[not an id] text":                {"[not an id] text", ""},
	} {
		msg, prefix := message(text)
		if msg != want[0] || prefix != want[1] {
			t.Errorf("message(%q) = %q, %q; want %q, %q", text, msg, prefix, want[0], want[1])
		}
	}
}

func TestTermsOf(t *testing.T) {
	for msg, want := range map[string][]string{
		"Invoice total amount with VAT (BT-112) = (BT-109) + (BT-110).": {"BT-112", "BT-109", "BT-110"},
		"VAT breakdown (BG-23) with BT-118, again (BG-23) and BT-118":   {"BG-23", "BT-118"},
		"fee amounts (BT-x-272) and (BT-X-272), group ( BG-X-42)":       {"BT-X-272", "BG-X-42"},
		"currency (BT-110-0) and (BT-X-12, with BT-X-12-0)":             {"BT-110-0", "BT-X-12", "BT-X-12-0"},
		"PayerSpecifiedDebtorFincancialInstitution shall not be used.":  nil,
		"not a term: ABT-12, BT-12a, BT-":                               nil,
	} {
		if got := termsOf(msg); !slices.Equal(got, want) {
			t.Errorf("termsOf(%q) = %q, want %q", msg, got, want)
		}
	}
}

func TestSeverity(t *testing.T) {
	for _, tc := range []struct {
		flag  string
		o     origin
		fatal bool
		ok    bool
	}{
		{"fatal", cii, true, true},
		{"warning", ubl, false, true},
		{"", cii, false, false},
		{"error", ubl, false, false},
		{"", fx, true, true},
		{"error", fx, true, true},
		{"fatal", fx, true, true},
		{"warning", fx, false, true},
		{"information", fx, false, true},
		{"info", fx, false, false},
	} {
		fatal, err := severity(tc.flag, tc.o)
		if (err == nil) != tc.ok || fatal != tc.fatal {
			t.Errorf("severity(%q, %v) = %v, %v; want %v, ok %v", tc.flag, tc.o, fatal, err, tc.fatal, tc.ok)
		}
	}
}

func TestParseFile(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
		`<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern>
  <param name="R1" value="x"/>
  <rule context="$Ctx ">
    <assert id="R1" test="$R1" flag="fatal">
	[R1]-Caf` + "\xe9" + ` &amp;   more
      (BT-1).</assert>
    <report test="true()">Element 'x' is marked as not used.</report>
    <report id="R2" test="y">[R2]-Reported <value-of select="."/>, <name/>.</report>
    <!-- <assert id="R3" test="z">Commented out.</assert> -->
  </rule></pattern></schema>`
	f, err := parseFile(strings.NewReader(doc), "snippet")
	if err != nil {
		t.Fatal(err)
	}
	want := []assert{
		{ID: "R1", Flag: "fatal", Test: "$R1", Text: "[R1]-Café & more (BT-1)."},
		{ID: "R2", Test: "y", Text: "[R2]-Reported , ."},
	}
	if !slices.Equal(f.asserts, want) {
		t.Errorf("asserts %q, want %q", f.asserts, want)
	}
	if !slices.Equal(f.params, []string{"R1"}) || !slices.Equal(f.contexts, []string{"$Ctx "}) {
		t.Errorf("params %q, contexts %q", f.params, f.contexts)
	}
}

func TestParseErrors(t *testing.T) {
	const ns = `xmlns="http://purl.oclc.org/dsdl/schematron"`
	for name, tc := range map[string]struct{ doc, want string }{
		"no id":    {`<pattern ` + ns + `><rule context="a"><assert test="x">t</assert></rule></pattern>`, "has no id"},
		"no text":  {`<pattern ` + ns + `><rule context="a"><assert id="R" test="x"> </assert></rule></pattern>`, "has no text"},
		"markup":   {`<pattern ` + ns + `><rule context="a"><assert id="R" test="x">a <emph>b</emph></assert></rule></pattern>`, "has markup"},
		"wrong ns": {`<pattern xmlns="urn:other"><rule context="a"><assert id="R" test="x">t</assert></rule></pattern>`, "not in the schematron namespace"},
		"encoding": {`<?xml version="1.0" encoding="EBCDIC"?><pattern ` + ns + `/>`, "unsupported XML encoding"},
	} {
		_, err := parseFile(strings.NewReader(tc.doc), name)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.want)
		}
	}
}

// TestMerge checks the precedence of the sources and the notes.
func TestMerge(t *testing.T) {
	parse := func(body string) *file {
		t.Helper()
		f, err := parseFile(strings.NewReader(`<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="a">`+body+`</rule></pattern>`), "snippet")
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	byID := make(map[string]*rule)
	steps := []struct {
		src  source
		body string
	}{
		{source{origin: cii}, `<assert id="R1" test="x" flag="fatal">[R1]-Text (BT-1).</assert><assert id="BR-51" test="x" flag="fatal">[BR-51]-Card (BT-97).</assert>`},
		{source{origin: ubl}, `<assert id="R1" test="x" flag="warning">[R1]-Text (BT-2).</assert><assert id="BR-51" test="x" flag="warning">[BR-51]-Card (BT-87).</assert><assert id="U1" test="x" flag="warning">[U1]-UBL.</assert>`},
		{source{origin: fx, profile: 1}, `<assert id="R1" test="x">[R1]-Text (BT-1).</assert><assert id="F1" test="x" flag="warning">F.</assert>`},
		{source{origin: fx, profile: 3}, `<assert id="F1" test="x" flag="warning">F.</assert>`},
	}
	for _, s := range steps {
		if _, err := merge(byID, parse(s.body), s.src); err != nil {
			t.Fatal(err)
		}
	}
	r1 := byID["R1"]
	if !r1.Fatal || !slices.Equal(r1.Terms, []string{"BT-1"}) || !slices.Equal(r1.Notes, []string{"UBL terms BT-2", "UBL flag warning"}) || !slices.Equal(r1.Profiles, []int{1}) {
		t.Errorf("R1: %+v", r1)
	}
	if br51 := byID["BR-51"]; !br51.fromUBL || br51.Message != "Card (BT-87)." || !br51.Fatal {
		t.Errorf("BR-51: %+v", br51)
	}
	if f1 := byID["F1"]; f1.Fatal || !slices.Equal(f1.Profiles, []int{1, 3}) || f1.Message != "F." {
		t.Errorf("F1: %+v", f1)
	}
	if u1 := byID["U1"]; u1.Fatal || u1.Profiles != nil {
		t.Errorf("U1: %+v", u1)
	}

	// Two Factur-X profiles that disagree, an id twice in one file, an
	// id in two files of one binding.
	for name, tc := range map[string]struct {
		src  source
		body string
		want string
	}{
		"profiles disagree": {source{origin: fx, profile: 4}, `<assert id="F1" test="x">F.</assert>`, "differs from the one of profile basicwl"},
		"twice in a file":   {source{origin: fx, profile: 4}, `<assert id="F2" test="x">F.</assert><assert id="F2" test="x">F.</assert>`, "occurs more than once"},
		"twice in CII":      {source{origin: cii}, `<assert id="R1" test="x" flag="fatal">[R1]-Text.</assert>`, "also in another CII file"},
		"unknown flag":      {source{origin: ubl}, `<assert id="U2" test="x" flag="error">[U2]-x.</assert>`, `unknown flag "error"`},
	} {
		if _, err := merge(byID, parse(tc.body), tc.src); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.want)
		}
	}
}

// TestMergeFrench checks the French sources: headers, ids twice in a file,
// ids of one file only, and the errors.
func TestMergeFrench(t *testing.T) {
	parse := func(body string) *file {
		t.Helper()
		f, err := parseFile(strings.NewReader(`<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule context="a">`+body+`</rule></pattern></schema>`), "snippet")
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	byID := make(map[string]*rule)
	steps := []struct {
		src  source
		body string
	}{
		{source{origin: cii}, `<assert id="BR-01" test="x" flag="fatal">[BR-01]-Text (BT-24).</assert>`},
		{source{origin: frCII}, `<assert id="BR-FR-01_BT-1" test="x" flag="fatal">BR-FR-01/BT-1 : Trop long : "<value-of select="."/>".</assert>` +
			`<assert id="BR-FR-09_EXT-FR-FE-06" test="x" flag="fatal">BR-FR-09/EXT-FR-FE-06 : SIRET.</assert>` +
			`<assert id="BR-FR-09_EXT-FR-FE-06" test="y" flag="warning">BR-FR-09/EXT-FR-FE-06 : Autre SIRET.</assert>` +
			`<assert id="BR-FR-CO-14_BT-29-1" test="x" flag="fatal">BR-FR-CO-14/BT-29 : Schéma.</assert>`},
		{source{origin: frUBL}, `<assert id="BR-FR-01_BT-1" test="x" flag="warning">[BR-FR-01/BT-1] : Trop long (cbc:ID).</assert>` +
			`<assert id="BR-FR-CO-14_BT-29-1" test="x" flag="fatal">[BR-FR-CO-14/BT-29-1] : Schéma.</assert>` +
			`<assert id="BR-FR-05_BT-22-1" test="x" flag="fatal">[BR-FR-05/BT-22] : Mention.</assert>` +
			`<assert id="BR-FR-30_BT-21" test="x" flag="fatal">[BR-FR-31/BT-21] : Note.</assert>`},
	}
	var notes []string
	for _, s := range steps {
		n, err := merge(byID, parse(s.body), s.src)
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, n...)
	}
	r := byID["BR-FR-01_BT-1"]
	if !r.Fatal || r.Message != `Trop long : "".` || !slices.Equal(r.Terms, []string{"BT-1"}) || !r.has(frCII) || !r.has(frUBL) || r.has(cii) ||
		!slices.Equal(r.Notes, []string{"French UBL flag warning"}) || !r.ublFlag || r.ublFatal {
		t.Errorf("BR-FR-01_BT-1: %+v", r)
	}
	r = byID["BR-FR-09_EXT-FR-FE-06"]
	if !r.Fatal || r.Message != "SIRET." || !slices.Equal(r.Terms, []string{"EXT-FR-FE-06"}) ||
		!slices.Equal(r.Notes, []string{"French CII second assert text differs", "French CII second assert flag warning"}) {
		t.Errorf("BR-FR-09_EXT-FR-FE-06: %+v", r)
	}
	r = byID["BR-FR-CO-14_BT-29-1"]
	if !slices.Equal(r.Terms, []string{"BT-29"}) || !slices.Equal(r.Notes, []string{"French UBL terms BT-29-1"}) {
		t.Errorf("BR-FR-CO-14_BT-29-1: %+v", r)
	}
	r = byID["BR-FR-05_BT-22-1"]
	if r.origin != frUBL || r.has(frCII) || !slices.Equal(r.Terms, []string{"BT-22"}) || r.Message != "Mention." {
		t.Errorf("BR-FR-05_BT-22-1: %+v", r)
	}
	if !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, "BR-FR-09_EXT-FR-FE-06 occurs more than once") }) ||
		!slices.ContainsFunc(notes, func(n string) bool {
			return strings.Contains(n, "BR-FR-30_BT-21 has the message header [BR-FR-31/BT-21]")
		}) {
		t.Errorf("notes %q", notes)
	}
	rules := []*rule{byID["BR-01"], byID["BR-FR-01_BT-1"], byID["BR-FR-05_BT-22-1"], byID["BR-FR-09_EXT-FR-FE-06"]}
	if n := oneSided(rules, frCII, frUBL); len(n) != 2 || !strings.HasSuffix(n[0], ": BR-FR-09_EXT-FR-FE-06") || !strings.HasSuffix(n[1], ": BR-FR-05_BT-22-1") {
		t.Errorf("oneSided: %q", n)
	}

	for name, tc := range map[string]struct {
		src  source
		body string
		want string
	}{
		"CEN id in a French file": {source{origin: frUBL}, `<assert id="BR-01" test="x" flag="fatal">[BR-FR-01/BT-24] : x.</assert>`, "BR-01 is also in the CII files"},
		"French id in CEN":        {source{origin: ubl}, `<assert id="BR-FR-01_BT-1" test="x" flag="fatal">[BR-FR-01_BT-1]-x.</assert>`, "is also in the French CII files"},
		"no header":               {source{origin: frCII}, `<assert id="BR-FR-99" test="x" flag="fatal">Pas d'en-tête.</assert>`, "no \"BR-FR-xx/BT-yy :\" header"},
		"only a header":           {source{origin: frCII}, `<assert id="BR-FR-99" test="x" flag="fatal">BR-FR-99/BT-1 : <value-of select="."/></assert>`, "no text after its header"},
		"unknown flag":            {source{origin: frCII}, `<assert id="BR-FR-99" test="x" flag="error">BR-FR-99 : x.</assert>`, `unknown flag "error"`},
		"no flag":                 {source{origin: frUBL}, `<assert id="BR-FR-99" test="x">BR-FR-99 : x.</assert>`, `unknown flag ""`},
	} {
		if _, err := merge(byID, parse(tc.body), tc.src); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.want)
		}
	}
}

func TestCheckBinding(t *testing.T) {
	abstract := &file{name: "abstract", asserts: []assert{{ID: "R1", Test: "$R1"}, {ID: "R2", Test: " $R2 "}}, contexts: []string{"$Ctx "}}
	notes, err := checkBinding(abstract, &file{name: "binding", params: []string{"R1", "R2", "Ctx ", "Unused"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "$Unused") {
		t.Errorf("notes %q", notes)
	}
	if _, err := checkBinding(abstract, &file{name: "binding", params: []string{"R1"}}); err == nil || !strings.Contains(err.Error(), "tests $R2, which binding does not declare") {
		t.Errorf("error %v", err)
	}
}

func TestGenerateMissingDir(t *testing.T) {
	if _, _, err := generate(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Fatal("no error for a missing directory")
	}
}
