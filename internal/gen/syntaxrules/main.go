// Command syntaxrules generates the syntax rule tables of packages cii and
// ubl (cii/syntax_gen.go, ubl/syntax_gen.go): the rules of the official
// schematrons that concern the XML itself rather than the invoice's
// content, with their contexts and tests verbatim, for package
// internal/schematron to evaluate while decoding.
//
// Usage, from the cii or ubl directory (go generate runs it so):
//
//	go run ../internal/gen/syntaxrules -syntax cii|ubl [-dir CONFORMANCE] [-o PATH]
//
// What is taken, from the conformance directory ($EINVOICE_CONFORMANCE_DIR
// or ../shared/conformance beside the module):
//
//   - cii: the CII-SR-* and CII-DT-* asserts of the CEN EN 16931 1.3.16
//     CII schematron (cii/schematron/sch/preprocessed), and from the
//     Factur-X 1.09.2 schematron of each profile (facturx/<p>/schematron/sch)
//     the FX-SCH-A-* asserts, the CII-SR-*, CII-DT-* and PEPPOL-EN16931-*
//     asserts, and the reports without id (which the judges report as
//     "no-id"), with each profile's code database;
//   - ubl: the UBL-SR-*, UBL-CR-* and UBL-DT-* asserts of the CEN UBL
//     schematron (ubl/schematron/sch/preprocessed).
//
// The business rules of the same files (BR-*) are not taken: package
// validate checks them on the model. Their rules are kept, without asserts,
// where a later rule of the same pattern has syntax asserts, since a node
// is the context of the first rule of a pattern that matches it.
package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/einvoice-go/einvoice/internal/conformance"
)

type assert struct {
	ID, Flag, Test, Text string
	Report               bool
}

type let struct{ Name, Value string }

type rule struct {
	Pattern int
	Context string
	Lets    []let
	Asserts []assert
}

type sch struct {
	ns    map[string]string // prefix -> uri
	rules []rule
}

func main() {
	dir := flag.String("dir", conformance.Dir(), "the conformance directory")
	syntax := flag.String("syntax", "", "cii or ubl")
	out := flag.String("o", "syntax_gen.go", "the Go file to write")
	flag.Parse()
	var src []byte
	var err error
	switch *syntax {
	case "cii":
		src, err = genCII(*dir)
	case "ubl":
		src, err = genUBL(*dir)
	default:
		fmt.Fprintln(os.Stderr, "usage: syntaxrules -syntax cii|ubl [-dir CONFORMANCE] [-o PATH]")
		os.Exit(2)
	}
	if err == nil {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "syntaxrules:", err)
		os.Exit(1)
	}
}

var profiles = []struct{ dir, file, name string }{
	{"minimum", "FACTUR-X_MINIMUM", "Minimum"},
	{"basicwl", "FACTUR-X_BASIC-WL", "BasicWL"},
	{"basic", "FACTUR-X_BASIC", "Basic"},
	{"en16931", "FACTUR-X_EN16931", "EN16931"},
	{"extended", "FACTUR-X_EXTENDED", "Extended"},
}

func genCII(dir string) ([]byte, error) {
	var b bytes.Buffer
	header(&b, "cii", "the CEN EN 16931 1.3.16 CII schematron (cii/schematron/sch/preprocessed) and the Factur-X 1.09.2 schematron of each profile (facturx/*/schematron/sch)")
	cen, err := readSch(filepath.Join(dir, "cii/schematron/sch/preprocessed/EN16931-CII-validation-preprocessed.sch"))
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, "// ciiNamespaces maps the namespaces of CII to the rules' prefixes.\nvar ciiNamespaces = %s\n\n", nsMap(cen.ns))
	writeRules(&b, "cenSyntaxRules", "the CII-SR-* and CII-DT-* rules of the CEN schematron", cen, func(id string) bool {
		return strings.HasPrefix(id, "CII-SR-") || strings.HasPrefix(id, "CII-DT-")
	})
	for _, p := range profiles {
		s, err := readSch(filepath.Join(dir, "facturx", p.dir, "schematron/sch", p.file+".sch"))
		if err != nil {
			return nil, err
		}
		writeRules(&b, "fx"+p.name+"Rules", "the structural rules of the Factur-X "+p.dir+" schematron", s, func(id string) bool {
			return id == "" || strings.HasPrefix(id, "FX-SCH-A-") || strings.HasPrefix(id, "CII-SR-") ||
				strings.HasPrefix(id, "CII-DT-") || strings.HasPrefix(id, "PEPPOL-EN16931-")
		})
		lists, err := readCodeDB(filepath.Join(dir, "facturx", p.dir, "schematron/sch", p.file+"_codedb.xml"))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "// fx%sCodes is the code database of the Factur-X %s schematron, by list\n", p.name, p.dir)
		b.WriteString("// id, each list's values separated by spaces: one string a list, not a slice\n")
		b.WriteString("// of strings, so that the garbage collector has a pointer a list to scan.\n")
		fmt.Fprintf(&b, "var fx%sCodes = map[int]string{\n", p.name)
		ids := make([]int, 0, len(lists))
		for id := range lists {
			ids = append(ids, id)
		}
		sort.Ints(ids)
		for _, id := range ids {
			for _, v := range lists[id] {
				if v == "" || strings.ContainsAny(v, " \t\r\n") {
					return nil, fmt.Errorf("code list %d of %s: value %q is empty or has white space", id, p.dir, v)
				}
			}
			fmt.Fprintf(&b, "%d: %s,\n", id, strconv.Quote(strings.Join(lists[id], " ")))
		}
		b.WriteString("}\n\n")
	}
	return format.Source(b.Bytes())
}

func genUBL(dir string) ([]byte, error) {
	var b bytes.Buffer
	header(&b, "ubl", "the CEN EN 16931 1.3.16 UBL schematron (ubl/schematron/sch/preprocessed)")
	cen, err := readSch(filepath.Join(dir, "ubl/schematron/sch/preprocessed/EN16931-UBL-validation-preprocessed.sch"))
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, "// ublNamespaces maps the namespaces of UBL to the rules' prefixes.\nvar ublNamespaces = %s\n\n", nsMap(cen.ns))
	writeRules(&b, "cenSyntaxRules", "the UBL-SR-*, UBL-CR-* and UBL-DT-* rules of the CEN schematron", cen, func(id string) bool {
		return strings.HasPrefix(id, "UBL-SR-") || strings.HasPrefix(id, "UBL-CR-") || strings.HasPrefix(id, "UBL-DT-")
	})
	return format.Source(b.Bytes())
}

func header(b *bytes.Buffer, pkg, sources string) {
	fmt.Fprintf(b, "// Code generated by internal/gen/syntaxrules; DO NOT EDIT.\n\n// Sources, in the conformance directory: %s.\n\npackage %s\n\nimport \"github.com/einvoice-go/einvoice/internal/schematron\"\n\n", sources, pkg)
}

func nsMap(ns map[string]string) string {
	prefixes := make([]string, 0, len(ns))
	for p := range ns {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	var b strings.Builder
	b.WriteString("map[string]string{\n")
	for _, p := range prefixes {
		fmt.Fprintf(&b, "%q: %q,\n", ns[p], p)
	}
	b.WriteString("}")
	return b.String()
}

// writeRules writes the rules of s whose asserts keep passes, keeping the
// assert-less rules that precede a kept one in its pattern.
func writeRules(b *bytes.Buffer, name, doc string, s *sch, keep func(id string) bool) {
	var kept []rule
	for _, r := range s.rules {
		var as []assert
		for _, a := range r.Asserts {
			if keep(a.ID) {
				as = append(as, a)
			}
		}
		r.Asserts = as
		kept = append(kept, r)
	}
	// Drop, per pattern, the rules after the last one with asserts.
	var out []rule
	for i := 0; i < len(kept); {
		j := i
		for j < len(kept) && kept[j].Pattern == kept[i].Pattern {
			j++
		}
		last := -1
		for k := i; k < j; k++ {
			if len(kept[k].Asserts) > 0 {
				last = k
			}
		}
		if last >= 0 {
			out = append(out, kept[i:last+1]...)
		}
		i = j
	}
	n := 0
	for _, r := range out {
		n += len(r.Asserts)
	}
	// A function, not a variable: its literal is read-only data the
	// garbage collector does not scan, built on the heap when a set of
	// these rules is first used (schematron.Set.Load).
	fmt.Fprintf(b, "// %s returns %s: %d asserts in %d rules.\nfunc %s() []schematron.Rule {\nreturn []schematron.Rule{\n", name, doc, n, len(out), name)
	for _, r := range out {
		fmt.Fprintf(b, "{Pattern: %d, Context: %s", r.Pattern, strconv.Quote(r.Context))
		if len(r.Lets) > 0 {
			b.WriteString(", Lets: []schematron.Let{")
			for _, l := range r.Lets {
				fmt.Fprintf(b, "{Name: %q, Value: %s}, ", l.Name, strconv.Quote(l.Value))
			}
			b.WriteString("}")
		}
		if len(r.Asserts) > 0 {
			b.WriteString(", Asserts: []schematron.Assert{\n")
			for _, a := range r.Asserts {
				fatal := a.Flag == "" || a.Flag == "fatal" || a.Flag == "error"
				fmt.Fprintf(b, "{ID: %q, Fatal: %v, Report: %v, Test: %s, Message: %s},\n", a.ID, fatal, a.Report, strconv.Quote(a.Test), strconv.Quote(message(a)))
			}
			b.WriteString("}")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n}\n\n")
}

// message is an assert's text without its "[ID]-" or "[ID] - " prefix.
func message(a assert) string {
	t := a.Text
	if strings.HasPrefix(t, "[") {
		if i := strings.IndexByte(t, ']'); i > 0 {
			t = strings.TrimSpace(t[i+1:])
			t = strings.TrimSpace(strings.TrimPrefix(t, "-"))
		}
	}
	return t
}

const schNS = "http://purl.oclc.org/dsdl/schematron"

// readSch reads the namespaces, and the rules with their lets, asserts and
// reports, of a schematron file, patterns numbered in order.
func readSch(path string) (*sch, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	s := &sch{ns: map[string]string{}}
	pattern := -1
	var cur *rule
	var a *assert
	var text strings.Builder
	attr := func(t xml.StartElement, name string) string {
		for _, at := range t.Attr {
			if at.Name.Local == name && at.Name.Space == "" {
				return at.Value
			}
		}
		return ""
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != schNS {
				if a != nil {
					return nil, fmt.Errorf("%s: %s: element %s in a message", path, a.ID, t.Name.Local)
				}
				continue
			}
			switch t.Name.Local {
			case "ns":
				s.ns[attr(t, "prefix")] = attr(t, "uri")
			case "pattern":
				pattern++
			case "rule":
				s.rules = append(s.rules, rule{Pattern: pattern, Context: attr(t, "context")})
				cur = &s.rules[len(s.rules)-1]
			case "let":
				if cur == nil {
					return nil, fmt.Errorf("%s: a let outside a rule", path)
				}
				cur.Lets = append(cur.Lets, let{attr(t, "name"), attr(t, "value")})
			case "assert", "report":
				if cur == nil {
					return nil, fmt.Errorf("%s: an assert outside a rule", path)
				}
				a = &assert{ID: attr(t, "id"), Flag: attr(t, "flag"), Test: attr(t, "test"), Report: t.Name.Local == "report"}
				text.Reset()
			case "name", "value-of":
				if a != nil {
					return nil, fmt.Errorf("%s: %s: a computed message", path, a.ID)
				}
			}
		case xml.CharData:
			if a != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if t.Name.Space != schNS {
				continue
			}
			switch t.Name.Local {
			case "assert", "report":
				a.Text = strings.Join(strings.Fields(text.String()), " ")
				switch a.Flag {
				case "", "fatal", "error", "warning", "information":
				default:
					return nil, fmt.Errorf("%s: %s: unknown flag %q", path, a.ID, a.Flag)
				}
				cur.Asserts = append(cur.Asserts, *a)
				a = nil
			case "rule":
				cur = nil
			}
		}
	}
	return s, nil
}

// readCodeDB reads a Factur-X code database: codedb/cl[@id]/enumeration[@value].
func readCodeDB(path string) (map[int][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var db struct {
		Lists []struct {
			ID     int `xml:"id,attr"`
			Values []struct {
				Value string `xml:"value,attr"`
			} `xml:"enumeration"`
		} `xml:"cl"`
	}
	if err := xml.Unmarshal(data, &db); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[int][]string, len(db.Lists))
	for _, l := range db.Lists {
		if _, dup := out[l.ID]; dup {
			return nil, fmt.Errorf("%s: list %d twice", path, l.ID)
		}
		vs := make([]string, len(l.Values))
		for i, v := range l.Values {
			vs[i] = v.Value
		}
		out[l.ID] = vs
	}
	return out, nil
}
