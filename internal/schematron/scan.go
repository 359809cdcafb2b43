package schematron

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/einvoice-go/einvoice/internal/xmlscan"
)

// scanner is a small XML reader for Parse: elements, attributes,
// namespaces, character data and references, CDATA sections; comments,
// processing instructions and a DOCTYPE without internal subset are
// skipped. The documents it reads have been read by a decoder already, so
// it is strict about structure but does not repeat every check of the XML
// specification (names are not checked character by character).
type scanner struct {
	data     []byte
	pos      int
	line     int
	prefixes map[string]string // the rule set's: URI -> prefix
	scopes   []nsBinding       // the namespace bindings in scope, innermost last
}

type nsBinding struct {
	prefix, uri string
	depth       int
}

func (s *scanner) fail(format string, args ...any) error {
	return &ParseError{Line: s.line, Msg: fmt.Sprintf(format, args...)}
}

// advance moves to offset to, counting lines.
func (s *scanner) advance(to int) {
	s.line += bytes.Count(s.data[s.pos:to], []byte{'\n'})
	s.pos = to
}

// skipTo moves past the next occurrence of end, or fails.
func (s *scanner) skipTo(end string, what string) error {
	i := bytes.Index(s.data[s.pos:], []byte(end))
	if i < 0 {
		return s.fail("unterminated %s", what)
	}
	s.advance(s.pos + i + len(end))
	return nil
}

// resolve returns the URI bound to prefix, and whether it is bound.
func (s *scanner) resolve(prefix string) (string, bool) {
	for i := len(s.scopes) - 1; i >= 0; i-- {
		if s.scopes[i].prefix == prefix {
			return s.scopes[i].uri, true
		}
	}
	switch prefix {
	case "":
		return "", true
	case "xml":
		return "http://www.w3.org/XML/1998/namespace", true
	}
	return "", false
}

// name returns the rule set's name for a qualified name of the document.
func (s *scanner) name(qn string, isAttr bool) (name, local string, err error) {
	prefix, local, ok := strings.Cut(qn, ":")
	if !ok {
		prefix, local = "", qn
		if isAttr {
			return local, local, nil
		}
	}
	if local == "" || prefix == "" && ok {
		return "", "", s.fail("malformed name %q", qn)
	}
	uri, bound := s.resolve(prefix)
	if !bound {
		return "", "", s.fail("unbound namespace prefix %q", prefix)
	}
	if uri == "" {
		return local, local, nil
	}
	if p, known := s.prefixes[uri]; known {
		if p == "" {
			return local, local, nil
		}
		return p + ":" + local, local, nil
	}
	return "{" + uri + "}" + local, local, nil
}

// readName reads a name at the position.
func (s *scanner) readName() string {
	start := s.pos
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		if xmlscan.IsSpace(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'' {
			break
		}
		s.pos++
	}
	return string(s.data[start:s.pos])
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.data) && xmlscan.IsSpace(s.data[s.pos]) {
		if s.data[s.pos] == '\n' {
			s.line++
		}
		s.pos++
	}
}

// unescape decodes character data or an attribute value as written.
func (s *scanner) unescape(raw []byte, attr bool) (string, error) {
	if !bytes.ContainsAny(raw, "&\r") && (!attr || !bytes.ContainsAny(raw, "\t\n")) {
		return string(raw), nil
	}
	b, ok := xmlscan.DecodeText(nil, raw, attr)
	if !ok {
		return "", s.fail("malformed reference")
	}
	return string(b), nil
}

// parse reads the document into doc.
func (s *scanner) parse(doc *Doc) error {
	cur := doc.Root
	depth := 0
	for s.pos < len(s.data) {
		lt := bytes.IndexByte(s.data[s.pos:], '<')
		if lt < 0 {
			lt = len(s.data) - s.pos
		}
		if lt > 0 {
			raw := s.data[s.pos : s.pos+lt]
			if cur == doc.Root {
				if len(bytes.TrimSpace(raw)) > 0 {
					return s.fail("text outside the root element")
				}
			} else {
				t, err := s.unescape(raw, false)
				if err != nil {
					return err
				}
				cur.Text += t
			}
			s.advance(s.pos + lt)
			continue
		}
		rest := s.data[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			if err := s.skipTo("?>", "processing instruction"); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<!--")):
			if err := s.skipTo("-->", "comment"); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			if cur == doc.Root {
				return s.fail("CDATA outside the root element")
			}
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return s.fail("unterminated CDATA section")
			}
			cur.Text += string(rest[9:end])
			s.advance(s.pos + end + 3)
		case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
			if cur != doc.Root || len(doc.Root.Kids) > 0 {
				return s.fail("misplaced DOCTYPE")
			}
			gt := bytes.IndexAny(rest, "[>")
			if gt < 0 || rest[gt] == '[' {
				return s.fail("a DOCTYPE with an internal subset")
			}
			s.advance(s.pos + gt + 1)
		case bytes.HasPrefix(rest, []byte("</")):
			s.pos += 2
			qn := s.readName()
			s.skipSpace()
			if s.pos >= len(s.data) || s.data[s.pos] != '>' {
				return s.fail("malformed end tag %s", qn)
			}
			s.pos++
			if cur == doc.Root || qn != cur.qname {
				return s.fail("end tag %s does not match", qn)
			}
			for len(s.scopes) > 0 && s.scopes[len(s.scopes)-1].depth == depth {
				s.scopes = s.scopes[:len(s.scopes)-1]
			}
			depth--
			cur = cur.Parent
		default:
			if cur == doc.Root && len(doc.Root.Kids) > 0 {
				return s.fail("a second root element")
			}
			depth++
			if depth > MaxDepth {
				return s.fail("elements nested deeper than %d", MaxDepth)
			}
			n, empty, err := s.startTag(depth)
			if err != nil {
				return err
			}
			n.Parent = cur
			n.order = len(doc.nodes) + 1
			doc.nodes = append(doc.nodes, n)
			doc.byName[n.Name] = append(doc.byName[n.Name], n)
			cur.Kids = append(cur.Kids, n)
			if empty {
				for len(s.scopes) > 0 && s.scopes[len(s.scopes)-1].depth == depth {
					s.scopes = s.scopes[:len(s.scopes)-1]
				}
				depth--
			} else {
				cur = n
			}
		}
	}
	if cur != doc.Root {
		return s.fail("unclosed element %s", cur.qname)
	}
	if len(doc.Root.Kids) != 1 {
		return s.fail("no root element")
	}
	return nil
}

// startTag reads a start tag at the position, at depth, binding the
// namespaces it declares.
func (s *scanner) startTag(depth int) (*Node, bool, error) {
	line := s.line
	s.pos++ // <
	qn := s.readName()
	if qn == "" {
		return nil, false, s.fail("malformed start tag")
	}
	type rawAttr struct{ qn, value string }
	var attrs []rawAttr
	empty := false
	for {
		s.skipSpace()
		if s.pos >= len(s.data) {
			return nil, false, s.fail("unterminated start tag %s", qn)
		}
		c := s.data[s.pos]
		if c == '>' {
			s.pos++
			break
		}
		if c == '/' {
			if s.pos+1 >= len(s.data) || s.data[s.pos+1] != '>' {
				return nil, false, s.fail("malformed start tag %s", qn)
			}
			s.pos += 2
			empty = true
			break
		}
		an := s.readName()
		s.skipSpace()
		if an == "" || s.pos >= len(s.data) || s.data[s.pos] != '=' {
			return nil, false, s.fail("malformed attribute in %s", qn)
		}
		s.pos++
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' && s.data[s.pos] != '\'' {
			return nil, false, s.fail("unquoted attribute %s", an)
		}
		q := s.data[s.pos]
		end := bytes.IndexByte(s.data[s.pos+1:], q)
		if end < 0 {
			return nil, false, s.fail("unterminated attribute %s", an)
		}
		raw := s.data[s.pos+1 : s.pos+1+end]
		if bytes.IndexByte(raw, '<') >= 0 {
			return nil, false, s.fail("< in attribute %s", an)
		}
		v, err := s.unescape(raw, true)
		if err != nil {
			return nil, false, err
		}
		s.advance(s.pos + end + 2)
		for _, a := range attrs {
			if a.qn == an {
				return nil, false, s.fail("attribute %s twice", an)
			}
		}
		attrs = append(attrs, rawAttr{an, v})
		switch {
		case an == "xmlns":
			s.scopes = append(s.scopes, nsBinding{"", v, depth})
		case strings.HasPrefix(an, "xmlns:"):
			s.scopes = append(s.scopes, nsBinding{an[6:], v, depth})
		}
	}
	name, local, err := s.name(qn, false)
	if err != nil {
		return nil, false, err
	}
	n := &Node{Name: name, Local: local, qname: qn, Line: line}
	for _, a := range attrs {
		if a.qn == "xmlns" || strings.HasPrefix(a.qn, "xmlns:") {
			continue
		}
		an, _, err := s.name(a.qn, true)
		if err != nil {
			return nil, false, err
		}
		n.Attrs = append(n.Attrs, Attr{Name: an, Value: a.value})
	}
	return n, empty, nil
}
