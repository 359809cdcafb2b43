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

const (
	tableFile = "../../../cii/profile_terms.go"
	genFile   = "../../../cii/profile_terms_gen.go"
)

// needJudges returns the conformance directory, or skips (fails under
// EINVOICE_CONFORMANCE=1) when the Factur-X artefacts are missing.
func needJudges(t *testing.T) string {
	t.Helper()
	var rel []string
	for _, p := range profiles {
		rel = append(rel, filepath.Join("facturx", p.dir, "xsd"), filepath.Join("facturx", p.dir, "schematron", "sch"))
	}
	return conformance.Need(t, rel...)
}

// TestGeneratedFileUpToDate regenerates cii/profile_terms_gen.go in memory
// from the table and the official XSDs and schematrons, and compares it
// with the committed file.
func TestGeneratedFileUpToDate(t *testing.T) {
	res, err := generate(tableFile, needJudges(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.notes {
		t.Log("note:", n)
	}
	want, err := os.ReadFile(genFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(res.src, want) {
		gl, wl := strings.Split(string(res.src), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("profile_terms_gen.go is stale (run go generate in cii); first difference at line %d:\n generated: %q\n committed: %q", i+1, g, w)
			}
		}
	}
	if !regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`).Match(want) {
		t.Error("profile_terms_gen.go lacks the generated-code header")
	}
	if res.version != "1.09.2" {
		t.Errorf("Factur-X version %q, want 1.09.2 (update the expectations of these tests with the artefacts)", res.version)
	}
}

// TestSchematronOverrides pins where a profile's schematron marks a term
// as not used that its XSD declares: the restrictions beyond the XSD.
func TestSchematronOverrides(t *testing.T) {
	res, err := generate(tableFile, needJudges(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range res.notes {
		if strings.Contains(n, "marked not used by the schematron") {
			prof, id, _ := strings.Cut(n, " ")
			id, _, _ = strings.Cut(id, ":")
			got = append(got, prof+" "+id)
		}
	}
	want := []string{
		"Minimum BT-48", "Minimum BT-55", "Minimum BG-8", // the buyer's VAT identifier and postal address
		// The buyer's trading name; the payee's electronic address,
		// EXTENDED only.
		"BasicWL BT-45", "BasicWL EXT-FR-FE-29", "Basic BT-45",
		"Basic BT-137", "Basic BT-138", "Basic BT-142", "Basic BT-143", // line allowance and charge base and percentage
		"Basic EXT-FR-FE-29",
		// The preceding invoice's type code and the payee's electronic
		// address, EXTENDED only.
		"EN16931 EXT-FR-FE-02", "EN16931 EXT-FR-FE-29",
	}
	if !slices.Equal(got, want) {
		t.Errorf("schematron overrides:\n got %v\nwant %v", got, want)
	}
}

// TestSchemeSubTerms checks that every scheme sub-term goes with its term
// in every profile, which is why termPaths has no entry for them.
func TestSchemeSubTerms(t *testing.T) {
	res, err := generate(tableFile, needJudges(t))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for k, tm := range res.terms {
		byID[tm.id] = k
	}
	for _, c := range []struct {
		id, parent string
		alt        int    // the alternative of the parent's paths
		rel        string // the sub-term's path relative to it
	}{
		{"BT-18-1", "BT-18", 0, "../ram:ReferenceTypeCode"},
		{"BT-29-1", "BT-29", 1, "@schemeID"}, // ram:GlobalID
		{"BT-30-1", "BT-30", 0, "@schemeID"},
		{"BT-34-1", "BT-34", 0, "@schemeID"},
		{"BT-46-1", "BT-46", 1, "@schemeID"},
		{"BT-47-1", "BT-47", 0, "@schemeID"},
		{"BT-49-1", "BT-49", 0, "@schemeID"},
		{"BT-60-1", "BT-60", 1, "@schemeID"},
		{"BT-61-1", "BT-61", 0, "@schemeID"},
		{"BT-71-1", "BT-71", 1, "@schemeID"},
		{"BT-125-1", "BT-125", 0, "@mimeCode"},
		{"BT-125-2", "BT-125", 0, "@filename"},
		{"BT-128-1", "BT-128", 0, "../ram:ReferenceTypeCode"},
		{"BT-157-1", "BT-157", 0, "@schemeID"},
		{"BT-158-1", "BT-158", 0, "@listID"},
		{"BT-158-2", "BT-158", 0, "@listVersionID"},
	} {
		k, ok := byID[c.parent]
		if !ok {
			t.Fatalf("no %s in the table", c.parent)
		}
		rel, err := parsePath(c.rel)
		if err != nil {
			t.Fatal(err)
		}
		p := clean(slices.Concat(res.terms[k].paths[c.alt], rel))
		sub := term{id: c.id, alts: []string{p.String()}, paths: []path{p}}
		for i, j := range res.judges {
			ok, _, err := j.allows(sub)
			if err != nil {
				t.Fatal(err)
			}
			if ok != res.allowed[i][k] {
				t.Errorf("%s %s (%s) is %s, %s %s", j.name, c.id, p, verdict(ok), c.parent, verdict(res.allowed[i][k]))
			}
		}
	}
}

// clean resolves the ".." steps of p.
func clean(p path) path {
	var out path
	for _, st := range p {
		if st.name == ".." && len(out) > 0 {
			out = out[:len(out)-1]
			continue
		}
		out = append(out, st)
	}
	return out
}

func TestParsePath(t *testing.T) {
	p, err := parsePath("ram:A[ram:B/@x='1/2']/ram:C[@currencyID=../../ram:D]/@unitCode")
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 3 || p[0].name != "ram:A" || p[0].preds[0] != "ram:B/@x='1/2'" || p[2].name != "@unitCode" {
		t.Errorf("parsePath: %+v", p)
	}
	for _, bad := range []string{"", "ram:A/", "A", "ram:A[x", "@a/ram:B", "ram:A]", "ram:A[x]y", "ram:A|ram:B"} {
		if _, err := parsePath(bad); err == nil {
			t.Errorf("parsePath(%q) succeeded", bad)
		}
	}
}

func TestPrefixOf(t *testing.T) {
	mp := func(s string) path {
		p, err := parsePath(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	term := mp(`ram:T/ram:R[ram:TypeCode='916']/ram:Name`)
	for _, c := range []struct {
		ctx  string
		want bool
	}{
		{`ram:T`, true},
		{`ram:T/ram:R`, true},
		{`ram:T/ram:R[ram:TypeCode="916"]`, true},
		{`ram:T/ram:R[ ram:TypeCode = "916" ]/ram:Name`, true},
		{`ram:T/ram:R[ram:TypeCode="50"]`, false},
		{`ram:T/ram:R[ not(ram:TypeCode="916") and  not(ram:TypeCode="50")]`, false},
		{`ram:T/ram:R[ not(ram:TypeCode="130") and  not(ram:TypeCode="50")]`, true},
		{`ram:T/ram:R[ram:TypeCode="916"]/ram:Name/@schemeID`, false},
		{`ram:T/ram:X`, false},
	} {
		if got := mp(c.ctx).prefixOf(term); got != c.want {
			t.Errorf("%s prefixOf %s = %v, want %v", c.ctx, term, got, c.want)
		}
	}
	// A negated variant never matches a step without predicate.
	if mp(`ram:T/ram:R[not(ram:TypeCode='1')]`).prefixOf(mp(`ram:T/ram:R/ram:Name`)) {
		t.Error("a negated variant matched a step without predicate")
	}
	if got, ok := negations(`not(not (@listID)) and  not(@listID="5153")`); !ok || !slices.Equal(got, []string{"not(@listID)", "@listID='5153'"}) {
		t.Errorf("negations = %q, %v", got, ok)
	}
	if _, ok := negations(`ram:TypeCode="916"`); ok {
		t.Error("a comparison taken for negations")
	}
}

const snippetXSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    targetNamespace="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    elementFormDefault="qualified">
  <xs:element name="CrossIndustryInvoice" type="rsm:RootType"/>
  <xs:complexType name="RootType">
    <xs:sequence>
      <xs:element name="Settlement" type="rsm:SettlementType"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="SettlementType">
    <xs:sequence>
      <xs:element name="Currency" type="xs:token"/>
      <xs:choice>
        <xs:element name="Sum" type="rsm:SumType"/>
        <xs:element name="Charge" type="rsm:ChargeType" maxOccurs="unbounded"/>
      </xs:choice>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="SumType">
    <xs:sequence>
      <xs:element name="Total" type="rsm:AmountType"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="AmountType">
    <xs:simpleContent>
      <xs:extension base="xs:decimal">
        <xs:attribute name="currencyID" type="xs:token"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="ChargeType">
    <xs:sequence>
      <xs:element name="Indicator">
        <xs:complexType>
          <xs:choice>
            <xs:element name="Flag" type="xs:boolean"/>
          </xs:choice>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
`

func TestSchemaWalk(t *testing.T) {
	name := filepath.Join(t.TempDir(), "snippet.xsd")
	if err := os.WriteFile(name, []byte(snippetXSD), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := loadSchemas([]string{name})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want bool
	}{
		{"rsm:Settlement/rsm:Sum/rsm:Total", true},
		{"rsm:Settlement/rsm:Sum/rsm:Total/@currencyID", true},
		{"rsm:Settlement/rsm:Sum/rsm:Total/@unitCode", false},
		{"rsm:Settlement/rsm:Sum/rsm:Total[@currencyID=../../rsm:Currency]", true},
		{"rsm:Settlement/rsm:Sum/rsm:Total[@currencyID=../../rsm:TaxCurrency]", false},
		{"rsm:Settlement/rsm:Sum/rsm:Total[@currencyID=/rsm:CrossIndustryInvoice/rsm:Settlement/rsm:Currency]", true},
		{"rsm:Settlement/rsm:Sum/rsm:Total[@currencyID=/rsm:CrossIndustryInvoice/rsm:Settlement/rsm:TaxCurrency]", false},
		{"rsm:Settlement/rsm:Charge[rsm:Indicator/rsm:Flag='true']", true},
		{"rsm:Settlement/rsm:Charge[rsm:Indicator/rsm:Other='true']", false},
		{"rsm:Settlement/rsm:Charges", false},
		{"ram:Settlement", false},
	} {
		p, err := parsePath(c.path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.has(p)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
		}
		if got != c.want {
			t.Errorf("has(%s) = %v, want %v", c.path, got, c.want)
		}
	}
	for _, bad := range []string{"rsm:Settlement/../..", "rsm:Settlement/rsm:Sum[not(rsm:Total)]", "xx:Settlement",
		"rsm:Settlement/rsm:Sum[/rsm:Other/rsm:Settlement]"} {
		p, err := parsePath(bad)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.has(p); err == nil {
			t.Errorf("has(%s) did not fail", bad)
		}
	}
}

const snippetSch = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Factur-X release metadata
     Version: 9.9.9
-->
<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="ram" uri="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"/>
  <pattern>
    <rule context="/rsm:CrossIndustryInvoice/rsm:A/ram:B">
      <assert id="X" test="count(ram:C)&lt;=1">x</assert>
      <report test="@schemeID">Attribute @schemeID' marked as not used in the given context.</report>
    </rule>
    <rule context="/rsm:CrossIndustryInvoice/rsm:A/ram:D[ not(ram:T=&quot;1&quot;)]">
      <report test="true()">Element variant marked as not used in the given context.</report>
    </rule>
  </pattern>
</schema>
`

func TestParseUnused(t *testing.T) {
	unused, version, err := parseUnused([]byte(snippetSch))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range unused {
		got = append(got, u.String())
	}
	want := []string{"rsm:A/ram:B/@schemeID", "rsm:A/ram:D[not(ram:T='1')]"}
	if !slices.Equal(got, want) || version != "9.9.9" {
		t.Errorf("parseUnused = %q, %q; want %q, 9.9.9", got, version, want)
	}
	for _, bad := range []string{
		strings.Replace(snippetSch, `test="true()"`, `test="count(x)"`, 1),
		strings.Replace(snippetSch, `/rsm:CrossIndustryInvoice/rsm:A/ram:B"`, `//ram:B"`, 1),
		strings.Replace(snippetSch, `uri="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"`, `uri="urn:x"`, 1),
	} {
		if _, _, err := parseUnused([]byte(bad)); err == nil {
			t.Errorf("parseUnused succeeded on a bad schematron")
		}
	}
}

func TestReadTable(t *testing.T) {
	src := "package cii\n\nconst (\n\ta = \"rsm:A\"\n\tb = a + \"/ram:B\"\n)\n\n" +
		"var termPaths = []termPath{\n\t{\"BT-1\", b + \"/ram:C | \" + (a + `/ram:D`)},\n\t{id: \"BG-1\", path: a},\n}\n"
	name := filepath.Join(t.TempDir(), "table.go")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	terms, err := readTable(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) != 2 || terms[0].id != "BT-1" || !slices.Equal(terms[0].alts, []string{"rsm:A/ram:B/ram:C", "rsm:A/ram:D"}) ||
		terms[1].id != "BG-1" || terms[1].alts[0] != "rsm:A" {
		t.Errorf("readTable = %+v", terms)
	}
	for _, bad := range []string{
		strings.Replace(src, "a + `/ram:D`", "x + `/ram:D`", 1),         // unknown constant
		strings.Replace(src, `{id: "BG-1", path: a}`, `{"BT-1", a}`, 1), // duplicate
		strings.Replace(src, "/ram:C |", "/ram:C[ |", 1),                // bad path
		strings.Replace(src, "termPaths", "other", 1),                   // no table
	} {
		if err := os.WriteFile(name, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readTable(name); err == nil {
			t.Errorf("readTable succeeded on:\n%s", bad)
		}
	}
}
