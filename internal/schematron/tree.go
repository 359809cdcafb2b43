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
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
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
	// qname is the element's name as written, for its end tag.
	qname string
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
	// work counts the nodes the evaluation visited, against budget.
	work, budget int
	// memo holds the values of the absolute paths without variables,
	// which are the same wherever they are evaluated.
	memo map[*pathExpr]seq
}

// ParseError is a document the engine cannot read: malformed XML, or
// nesting too deep.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// ErrBudget is the error of a check that visited more nodes than its
// budget: a document built so that the rules' paths would take quadratic
// time (thousands of payment means compared pairwise, say). The budget is
// generous: 100,000 visits plus 500 per element, where the official
// rules visit a few dozen per element on real invoices.
var ErrBudget = errors.New("the syntax rules would take too long on this document")

// visit counts n node visits, and reports whether the budget allows them.
func (d *Doc) visit(n int) bool {
	d.work += n
	return d.work <= d.budget
}

// MaxDepth bounds the nesting of elements, as the decoders do.
const MaxDepth = 100

// latin1 matches an XML declaration of ISO-8859-1.
var latin1 = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["'](?i:iso-?8859-1|iso_8859-1|latin-?1|l1)["']`)

// Parse reads an XML document. prefixes maps a namespace URI to the prefix
// the rules use for it.
func Parse(data []byte, prefixes map[string]string) (*Doc, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if latin1.Match(data) {
		// The one other encoding the decoders read.
		var b []byte
		for _, c := range data {
			b = utf8.AppendRune(b, rune(c))
		}
		data = b
	}
	if !utf8.Valid(data) {
		return nil, &ParseError{Line: 1, Msg: "not UTF-8"}
	}
	doc := &Doc{Root: &Node{}, byName: make(map[string][]*Node)}
	s := &scanner{data: data, line: 1, prefixes: prefixes}
	if err := s.parse(doc); err != nil {
		return nil, err
	}
	doc.budget = 100_000 + 500*len(doc.nodes)
	return doc, nil
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
