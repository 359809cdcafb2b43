// Package schematron evaluates the syntax binding rules of the official
// schematrons (CEN EN 16931 CII-SR-*, CII-DT-*, UBL-SR-*, UBL-CR-*,
// UBL-DT-*, and the structural FX-SCH-A-* rules of the Factur-X profiles)
// on an XML document, with the XPath 2.0 subset those rules use.
//
// The rules are data, generated from the .sch sources into the cii and ubl
// packages with their contexts and tests verbatim; this package parses
// those expressions once and evaluates them with the schematron's
// semantics: within a pattern, a node is the context of the first rule
// whose context matches it only; an assert fires when its test is false, a
// report when it is true.
//
// The subset: paths with the child, attribute, self, parent, ancestor,
// descendant(-or-self) and preceding axes in their abbreviated and named
// forms, name tests with prefixes and wildcards, predicates (positional or
// boolean), unions, sequences, general and value comparisons, and/or,
// arithmetic, variables bound by let, and the functions the rules call
// (not, count, exists, empty, true, false, normalize-space, string,
// string-length, upper-case, lower-case, contains, starts-with, ends-with,
// substring-after, substring-before, concat, matches, number, sum, round,
// abs, name, local-name, distinct-values, tokenize, document). An
// expression outside it is an error of Compile, so a generated rule the
// engine cannot run is found by a test, not at a user's.
package schematron

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Node is an element of a parsed document, or the document node itself
// (Parent nil, Name "").
type Node struct {
	// Name is the element's name with the rule set's prefix for its
	// namespace ("ram:ID"), or "{uri}local" for a namespace the rule set
	// does not know, or local for no namespace.
	Name string
	// Local is the name without prefix.
	Local  string
	Parent *Node
	Kids   []*Node
	Attrs  []Attr
	// Text is the element's own character data, its children's excluded.
	Text string
	// Line is the line of the element's start tag.
	Line int
	// order is the position in document order.
	order int
	// claim is the evaluation pass that last made the node a rule's
	// context, for the first-rule-wins semantics of a pattern.
	claim int
}

// Attr is an attribute of an element.
type Attr struct {
	Name  string // local name, or prefix:local for a namespaced attribute
	Value string
}

// Doc is a parsed document.
type Doc struct {
	Root   *Node // the document node; its one child is the root element
	byName map[string][]*Node
	nodes  []*Node // every element, in document order
	pass   int
}

// MaxDepth bounds the nesting of elements, as the decoders do.
const MaxDepth = 100

// Parse reads an XML document. prefixes maps a namespace URI to the prefix
// the rules use for it.
func Parse(data []byte, prefixes map[string]string) (*Doc, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	doc := &Doc{Root: &Node{}, byName: make(map[string][]*Node)}
	cur := doc.Root
	depth := 0
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 && cur != doc.Root {
			cur.Text += text.String()
		}
		text.Reset()
	}
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			depth++
			if depth > MaxDepth {
				return nil, fmt.Errorf("line %d: elements nested deeper than %d", line, MaxDepth)
			}
			n := &Node{Name: qname(t.Name, prefixes), Local: t.Name.Local, Parent: cur, Line: line}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue
				}
				name := a.Name.Local
				if a.Name.Space != "" {
					name = qname(a.Name, prefixes)
				}
				n.Attrs = append(n.Attrs, Attr{Name: name, Value: a.Value})
			}
			n.order = len(doc.nodes) + 1
			doc.nodes = append(doc.nodes, n)
			doc.byName[n.Name] = append(doc.byName[n.Name], n)
			cur.Kids = append(cur.Kids, n)
			cur = n
		case xml.EndElement:
			flush()
			depth--
			cur = cur.Parent
		case xml.CharData:
			if cur != doc.Root {
				text.Write(t)
			}
		}
	}
	if len(doc.Root.Kids) != 1 {
		return nil, errors.New("no root element")
	}
	return doc, nil
}

func qname(n xml.Name, prefixes map[string]string) string {
	if n.Space == "" {
		return n.Local
	}
	if p, ok := prefixes[n.Space]; ok {
		if p == "" {
			return n.Local
		}
		return p + ":" + n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

// StringValue is the concatenation of the element's text and its
// descendants', in document order.
func (n *Node) StringValue() string {
	if len(n.Kids) == 0 {
		return n.Text
	}
	var b strings.Builder
	n.appendText(&b)
	return b.String()
}

func (n *Node) appendText(b *strings.Builder) {
	// The decoder concatenates an element's own text; mixed content does
	// not occur in invoices, so own text first is document order there.
	b.WriteString(n.Text)
	for _, k := range n.Kids {
		k.appendText(b)
	}
}

// Path returns the element's path with 1-based indexes where a sibling has
// the same name: /rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote[2].
func (n *Node) Path() string {
	if n.Parent == nil {
		return "/"
	}
	var steps []string
	for e := n; e.Parent != nil; e = e.Parent {
		idx, same := 0, 0
		for _, s := range e.Parent.Kids {
			if s.Name == e.Name {
				same++
				if s == e {
					idx = same
				}
			}
		}
		if same > 1 {
			steps = append(steps, fmt.Sprintf("%s[%d]", e.Name, idx))
		} else {
			steps = append(steps, e.Name)
		}
	}
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(steps[i])
	}
	return b.String()
}
