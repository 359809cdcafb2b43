package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Namespaces.
const (
	nsXS  = "http://www.w3.org/2001/XMLSchema"
	nsRSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
)

// prefixes are the namespace prefixes of the table's paths and of the
// Factur-X schematrons.
var prefixes = map[string]string{
	"rsm": nsRSM,
	"ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
	"udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
	"qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}

// qname is a namespace-qualified name.
type qname struct{ space, local string }

func (q qname) String() string { return "{" + q.space + "}" + q.local }

// schemaSet is the part of a set of XSD files that says which elements
// and attributes may occur where.
type schemaSet struct {
	types    map[qname]*ctype   // named complex types
	simple   map[qname]bool     // named simple types
	elements map[qname]*elemDef // global elements
}

// ctype is a complex type: its child elements (of its sequences and
// choices, at any depth) and its attributes.
type ctype struct {
	elems map[qname]*elemDef
	attrs map[string]bool
	base  qname // the type a simpleContent or complexContent extends, if any
}

// elemDef is an element declaration: a named type or an inline one.
type elemDef struct {
	typ    qname
	inline *ctype
}

// leaf is the type of an element of simple type: no children, no
// attributes.
var leaf = &ctype{}

// xnode is an XML element, kept whole.
type xnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Kids    []xnode    `xml:",any"`
}

func (n *xnode) attr(local string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// loadSchemas reads the XSD files. Every file an xs:import or xs:include
// names must be among them.
func loadSchemas(files []string) (*schemaSet, error) {
	s := &schemaSet{types: map[qname]*ctype{}, simple: map[qname]bool{}, elements: map[qname]*elemDef{}}
	loaded := map[string]bool{}
	var wanted []string
	for _, f := range files {
		loaded[filepath.Base(f)] = true
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var root xnode
		if err := xml.Unmarshal(data, &root); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		locs, err := s.add(&root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(f), err)
		}
		wanted = append(wanted, locs...)
	}
	for _, w := range wanted {
		if !loaded[filepath.Base(w)] {
			return nil, fmt.Errorf("imported schema %s is missing", w)
		}
	}
	if s.elements[qname{nsRSM, "CrossIndustryInvoice"}] == nil {
		return nil, fmt.Errorf("no global element rsm:CrossIndustryInvoice")
	}
	return s, nil
}

// fileCtx is what resolving names in one schema file needs.
type fileCtx struct {
	target string            // the target namespace
	ns     map[string]string // prefix -> namespace
}

func (fc *fileCtx) resolve(name string) (qname, error) {
	prefix, local, ok := strings.Cut(name, ":")
	if !ok {
		prefix, local = "", name
	}
	space, ok := fc.ns[prefix]
	if !ok {
		return qname{}, fmt.Errorf("undeclared prefix in %q", name)
	}
	return qname{space, local}, nil
}

// add adds the declarations of one schema document and returns the
// locations it imports or includes.
func (s *schemaSet) add(root *xnode) (locs []string, err error) {
	if root.XMLName != (xml.Name{Space: nsXS, Local: "schema"}) {
		return nil, fmt.Errorf("root element %s is not xs:schema", root.XMLName.Local)
	}
	fc := &fileCtx{ns: map[string]string{}}
	fc.target, _ = root.attr("targetNamespace")
	if form, _ := root.attr("elementFormDefault"); form != "qualified" {
		return nil, fmt.Errorf("elementFormDefault is %q, not qualified", form)
	}
	for _, a := range root.Attrs {
		switch {
		case a.Name.Space == "xmlns":
			fc.ns[a.Name.Local] = a.Value
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			fc.ns[""] = a.Value
		}
	}
	for i := range root.Kids {
		k := &root.Kids[i]
		if k.XMLName.Space != nsXS {
			return nil, fmt.Errorf("unexpected element %s", k.XMLName.Local)
		}
		name, _ := k.attr("name")
		q := qname{fc.target, name}
		switch k.XMLName.Local {
		case "import", "include":
			if loc, ok := k.attr("schemaLocation"); ok {
				locs = append(locs, loc)
			}
		case "annotation":
		case "complexType":
			t, err := fc.complexType(k)
			if err != nil {
				return nil, fmt.Errorf("complex type %s: %w", name, err)
			}
			s.types[q] = t
		case "simpleType":
			s.simple[q] = true
		case "element":
			e, err := fc.element(k)
			if err != nil {
				return nil, fmt.Errorf("element %s: %w", name, err)
			}
			s.elements[q] = e
		default:
			return nil, fmt.Errorf("unsupported top-level xs:%s", k.XMLName.Local)
		}
	}
	return locs, nil
}

// element reads an element declaration.
func (fc *fileCtx) element(n *xnode) (*elemDef, error) {
	if _, ok := n.attr("ref"); ok {
		return nil, fmt.Errorf("element references are not supported")
	}
	if typ, ok := n.attr("type"); ok {
		q, err := fc.resolve(typ)
		return &elemDef{typ: q}, err
	}
	for i := range n.Kids {
		k := &n.Kids[i]
		switch k.XMLName.Local {
		case "complexType":
			t, err := fc.complexType(k)
			return &elemDef{inline: t}, err
		case "simpleType":
			return &elemDef{inline: leaf}, nil
		}
	}
	return &elemDef{inline: leaf}, nil // xs:anyType, as far as paths go
}

// complexType reads a complex type definition.
func (fc *fileCtx) complexType(n *xnode) (*ctype, error) {
	t := &ctype{elems: map[qname]*elemDef{}, attrs: map[string]bool{}}
	return t, fc.content(t, n)
}

// content adds the particles and attributes under n to t.
func (fc *fileCtx) content(t *ctype, n *xnode) error {
	for i := range n.Kids {
		k := &n.Kids[i]
		if k.XMLName.Space != nsXS {
			return fmt.Errorf("unexpected element %s", k.XMLName.Local)
		}
		switch k.XMLName.Local {
		case "annotation":
		case "sequence", "choice", "all", "simpleContent", "complexContent":
			if err := fc.content(t, k); err != nil {
				return err
			}
		case "extension", "restriction":
			if base, ok := k.attr("base"); ok {
				q, err := fc.resolve(base)
				if err != nil {
					return err
				}
				t.base = q
			}
			if err := fc.content(t, k); err != nil {
				return err
			}
		case "element":
			name, ok := k.attr("name")
			if !ok {
				return fmt.Errorf("a local element has no name")
			}
			e, err := fc.element(k)
			if err != nil {
				return fmt.Errorf("element %s: %w", name, err)
			}
			t.elems[qname{fc.target, name}] = e
		case "attribute":
			name, ok := k.attr("name")
			if !ok {
				return fmt.Errorf("an attribute has no name")
			}
			t.attrs[name] = true
		case "enumeration", "pattern", "length", "minLength", "maxLength", "minInclusive", "maxInclusive",
			"minExclusive", "maxExclusive", "totalDigits", "fractionDigits", "whiteSpace":
		default:
			return fmt.Errorf("unsupported xs:%s", k.XMLName.Local)
		}
	}
	return nil
}

// typeOf returns the type of an element declaration.
func (s *schemaSet) typeOf(e *elemDef) (*ctype, error) {
	if e.inline != nil {
		return e.inline, nil
	}
	if t := s.types[e.typ]; t != nil {
		return t, nil
	}
	if e.typ.space == nsXS || s.simple[e.typ] {
		return leaf, nil
	}
	return nil, fmt.Errorf("type %s is not declared", e.typ)
}

// child returns the declaration of the child element q of t, looking in
// the types t extends too.
func (s *schemaSet) child(t *ctype, q qname) *elemDef {
	for t != nil {
		if e := t.elems[q]; e != nil {
			return e
		}
		t = s.types[t.base]
	}
	return nil
}

// hasAttr reports whether t, or a type it extends, declares the attribute.
func (s *schemaSet) hasAttr(t *ctype, name string) bool {
	for t != nil {
		if t.attrs[name] {
			return true
		}
		t = s.types[t.base]
	}
	return false
}

// has reports whether the schema declares the path p, relative to
// rsm:CrossIndustryInvoice.
func (s *schemaSet) has(p path) (bool, error) {
	root, err := s.typeOf(s.elements[qname{nsRSM, "CrossIndustryInvoice"}])
	if err != nil {
		return false, err
	}
	return s.walk([]*ctype{root}, p)
}

// walk follows p from the last type of stack, the types of the element
// and its ancestors, and reports whether every step and every path its
// predicates name exists.
func (s *schemaSet) walk(stack []*ctype, p path) (bool, error) {
	stack = stack[:len(stack):len(stack)]
	for _, st := range p {
		cur := stack[len(stack)-1]
		switch {
		case st.name == "..":
			if len(stack) == 1 {
				return false, fmt.Errorf("%q goes above the root", p)
			}
			stack = stack[:len(stack)-1]
		case strings.HasPrefix(st.name, "@"):
			if !s.hasAttr(cur, st.name[1:]) {
				return false, nil
			}
		default:
			prefix, local, _ := strings.Cut(st.name, ":")
			space, ok := prefixes[prefix]
			if !ok {
				return false, fmt.Errorf("unknown prefix %s", prefix)
			}
			e := s.child(cur, qname{space, local})
			if e == nil {
				return false, nil
			}
			t, err := s.typeOf(e)
			if err != nil {
				return false, err
			}
			stack = append(stack, t)
		}
		for _, pr := range st.preds {
			ok, err := s.predicate(stack, pr)
			if !ok || err != nil {
				return false, err
			}
		}
	}
	return true, nil
}

// predicate reports whether the paths a predicate names exist: the
// predicate is a path (an existence test) or a comparison of two operands,
// each a path (relative, or absolute from /rsm:CrossIndustryInvoice, as the
// Factur-X schematrons write the header currencies seen from a line) or a
// quoted literal.
func (s *schemaSet) predicate(stack []*ctype, pred string) (bool, error) {
	operands, err := split(pred, '=')
	if err != nil {
		return false, err
	}
	if len(operands) > 2 {
		return false, fmt.Errorf("unsupported predicate [%s]", pred)
	}
	for _, op := range operands {
		op = strings.TrimSpace(op)
		if strings.HasPrefix(op, "'") || strings.HasPrefix(op, `"`) {
			continue
		}
		if strings.ContainsAny(op, "() ") {
			return false, fmt.Errorf("unsupported predicate [%s]", pred)
		}
		from := stack
		if abs, ok := strings.CutPrefix(op, "/"); ok {
			root, ok := strings.CutPrefix(abs, "rsm:CrossIndustryInvoice/")
			if !ok {
				return false, fmt.Errorf("unsupported predicate [%s]: an absolute path starts at /rsm:CrossIndustryInvoice/", pred)
			}
			from, op = stack[:1], root
		}
		p, err := parsePath(op)
		if err != nil {
			return false, err
		}
		if ok, err := s.walk(from, p); !ok || err != nil {
			return false, err
		}
	}
	return true, nil
}
