package schematron

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

const testDoc = `<?xml version="1.0"?>
<r:Root xmlns:r="urn:r" xmlns:a="urn:a">
  <a:Item id="1" kind="x"><a:Name>One</a:Name><a:Flag>false</a:Flag></a:Item>
  <a:Item id="2"><a:Name> Two  words </a:Name><a:Flag>true</a:Flag><a:Code>10.005</a:Code></a:Item>
  <a:Other><a:Item id="3"/></a:Other>
</r:Root>`

var testPrefixes = map[string]string{"urn:r": "r", "urn:a": "a"}

func TestExpressions(t *testing.T) {
	doc, err := Parse([]byte(testDoc), testPrefixes)
	if err != nil {
		t.Fatal(err)
	}
	root := &ctx{doc: doc, item: nodeItem(doc.Root), pos: 1, size: 1}
	for _, c := range []struct {
		expr string
		want string // the items' string values, joined by |
	}{
		{"count(/r:Root/a:Item)", "2"},
		{"count(//a:Item)", "3"},
		{"/r:Root/a:Item[2]/@id", "2"},
		{"(//a:Item)[3]/@id", "3"},
		{"//a:Item[not(@kind)]/@id", "2|3"},
		{"normalize-space(/r:Root/a:Item[2]/a:Name)", "Two words"},
		{"count(/r:Root/a:Item/a:Flag[. = false()])", "1"},
		{"/r:Root/a:Item[a:Flag = true()]/@id", "2"},
		{"string-length(substring-after(//a:Code, '.')) <= 2", "false"},
		{"//a:Item/@id = ('3', '9')", "true"},
		{"count((/r:Root/a:Item | /r:Root/a:Other)/a:Name)", "2"},
		{"count(//a:Item[ends-with(name(), 'Item')]/..)", "2"},
		{"local-name(/*)", "Root"},
		{"count(//a:Item[@id = 3]/ancestor::*)", "2"},
		{"count(/r:Root/a:Item[2]/preceding::a:Name)", "1"},
		{"matches(//a:Code, '^\\d+\\.\\d{3}$')", "true"},
		{"count(distinct-values(//a:Flag))", "2"},
		{"some $i in //a:Item satisfies $i/@kind = 'x'", "true"},
		{"round(2.5) + abs(-1) - 1 div 2", "3.5"},
		{"upper-case(/r:Root/a:Item[1]/a:Name) != 'ONE'", "false"},
	} {
		e, err := compile(c.expr)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		var got []string
		for _, it := range e.eval(root) {
			got = append(got, it.str())
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s = %q, want %q", c.expr, g, c.want)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for _, src := range []string{"count(", "foo(1)", "a/[1]", "'open", "count(1, 2)", "matches(., $re)", "a b"} {
		if _, err := compile(src); err == nil {
			t.Errorf("%q compiled", src)
		}
	}
}

// TestFirstRuleWins: within a pattern a node is the context of its first
// matching rule only; another pattern sees it again.
func TestFirstRuleWins(t *testing.T) {
	doc, err := Parse([]byte(testDoc), testPrefixes)
	if err != nil {
		t.Fatal(err)
	}
	s := &Set{Prefixes: testPrefixes, Rules: []Rule{
		{Pattern: 0, Context: "/r:Root/a:Item", Asserts: []Assert{{ID: "A", Test: "@id != '1'"}}},
		{Pattern: 0, Context: "a:Item", Asserts: []Assert{{ID: "B", Test: "false()"}}},
		{Pattern: 1, Context: "a:Item", Asserts: []Assert{{ID: "C", Report: true, Test: "@id = '2'", Fatal: true}}},
	}}
	fs, err := s.Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.ID+" "+f.Path)
	}
	want := "A /r:Root/a:Item[1]|B /r:Root/a:Other/a:Item|C /r:Root/a:Item[2]"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("got %s\nwant %s", g, want)
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1)
	for _, src := range []string{"", "<a>", "<a></b>", deep, "<a/><b/>", "<a x='1' x='2'/>", "<p:a/>", "<a>&bogus;</a>", "<a b=c/>", "text<a/>", "<a>\xff</a>", "<!DOCTYPE a [<!ENTITY x 'y'>]><a/>"} {
		if _, err := Parse([]byte(src), nil); err == nil {
			t.Errorf("%.30q parsed", src)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(testDoc))
	s := &Set{Prefixes: testPrefixes, Rules: []Rule{
		{Context: "//*[not(*) and not(normalize-space())]", Asserts: []Assert{{ID: "E", Test: "false()"}}},
		{Context: "a:Item", Asserts: []Assert{{ID: "N", Test: "count(a:Name) = 1 and string-length(substring-after(a:Code, '.')) <= 2"}}},
	}}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, testPrefixes)
		if err != nil {
			return
		}
		if _, err := s.Check(doc); err != nil {
			t.Fatal(err)
		}
	})
}

// TestBudget: a rule quadratic in the document stops with ErrBudget.
func TestBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<r:Root xmlns:r="urn:r" xmlns:a="urn:a">`)
	for i := range 20000 {
		fmt.Fprintf(&b, `<a:Item id="%d"/>`, i)
	}
	b.WriteString(`</r:Root>`)
	doc, err := Parse([]byte(b.String()), testPrefixes)
	if err != nil {
		t.Fatal(err)
	}
	s := &Set{Prefixes: testPrefixes, Rules: []Rule{
		{Context: "/r:Root", Asserts: []Assert{{ID: "Q", Test: "count(//a:Item[not(preceding::a:Item/@id = @id)]) <= 1"}}},
	}}
	if _, err := s.Check(doc); !errors.Is(err, ErrBudget) {
		t.Fatalf("got %v, want ErrBudget", err)
	}
}

func TestParseForms(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"<?xml version='1.0' encoding='ISO-8859-1'?><r:Root xmlns:r='urn:r'>caf\xe9</r:Root>", "café"},
		{"\xef\xbb\xbf<!-- c --><!DOCTYPE x><Root xmlns='urn:r'><![CDATA[<a>]]>&amp;&#233;&#xE9;<?pi x?></Root>", "<a>&éé"},
		{"<Root xmlns='urn:r'>a\r\nb</Root>", "a\nb"},
		// An attribute value: line breaks and tabs become spaces, a
		// character reference stays what it stands for.
		{"<Root xmlns='urn:r' v='a\tb\nc&#10;d'>x</Root>", "x"},
	} {
		doc, err := Parse([]byte(c.src), testPrefixes)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		root := doc.Root.Kids[0]
		if root.Name != "r:Root" || root.StringValue() != c.want {
			t.Errorf("%q: got %s %q, want r:Root %q", c.src, root.Name, root.StringValue(), c.want)
		}
	}
}

func TestNormalizeSpace(t *testing.T) {
	if got := normalize(" a \t\r\n b\u00a0 "); got != "a b\u00a0" {
		t.Errorf("normalize = %q", got)
	}
}

func TestAttributeNormalization(t *testing.T) {
	doc, err := Parse([]byte("<Root xmlns='urn:r' v='a\tb\r\nc&#10;d&amp;'/>"), testPrefixes)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Root.Kids[0].Attrs[0].Value; got != "a b c\nd&" {
		t.Errorf("attribute value %q", got)
	}
}
