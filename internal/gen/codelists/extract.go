package main

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"
)

// schematron holds the assert tests of one schematron file, by assert id.
type schematron struct {
	name  string            // file name, for messages
	tests map[string]string // assert id -> test expression
}

// loadSchematron reads and parses the schematron file at path.
func loadSchematron(path string) (*schematron, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseSchematron(f, path)
}

// parseSchematron parses a schematron <pattern> document in the ISO
// schematron namespace (http://purl.oclc.org/dsdl/schematron), as the CEN files
// are. Every assert must have an id and a test, and an id must not occur twice.
func parseSchematron(r io.Reader, name string) (*schematron, error) {
	var doc struct {
		XMLName xml.Name `xml:"http://purl.oclc.org/dsdl/schematron pattern"`
		Rules   []struct {
			Context string `xml:"context,attr"`
			Asserts []struct {
				ID   string `xml:"id,attr"`
				Test string `xml:"test,attr"`
			} `xml:"http://purl.oclc.org/dsdl/schematron assert"`
		} `xml:"http://purl.oclc.org/dsdl/schematron rule"`
	}
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charsetReader
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &schematron{name: name, tests: make(map[string]string)}
	for _, rule := range doc.Rules {
		for _, a := range rule.Asserts {
			switch {
			case a.ID == "":
				return nil, fmt.Errorf("%s: an assert of rule %q has no id", name, rule.Context)
			case strings.TrimSpace(a.Test) == "":
				return nil, fmt.Errorf("%s: assert %s has no test", name, a.ID)
			}
			if _, dup := s.tests[a.ID]; dup {
				return nil, fmt.Errorf("%s: assert id %s occurs more than once", name, a.ID)
			}
			s.tests[a.ID] = a.Test
		}
	}
	if len(s.tests) == 0 {
		return nil, fmt.Errorf("%s: no schematron asserts found", name)
	}
	return s, nil
}

// lists returns the code lists embedded in the test of assert id, in the order
// they appear.
func (s *schematron) lists(id string) ([][]string, error) {
	test, ok := s.tests[id]
	if !ok {
		return nil, fmt.Errorf("%s: no assert with id %s", s.name, id)
	}
	lists, err := extractLists(test)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", s.name, id, err)
	}
	return lists, nil
}

// list returns list number index (0-based) of assert id.
func (s *schematron) list(id string, index int) ([]string, error) {
	lists, err := s.lists(id)
	if err != nil {
		return nil, err
	}
	if index >= len(lists) {
		return nil, fmt.Errorf("%s: %s: want code list #%d, the test has %d", s.name, id, index+1, len(lists))
	}
	return lists[index], nil
}

var (
	// containsRE matches the usual code-list test
	//	contains(' A B C ', concat(' ', normalize-space(.), ' '))
	// (the argument of normalize-space may be upper-case(.), as in BR-CL-22)
	// and captures the space-separated list.
	containsRE = regexp.MustCompile(`contains\(\s*'([^']*)'\s*,\s*concat\(\s*' '\s*,\s*normalize-space\((?:upper-case\([^()]*\)|[^()]*)\)\s*,\s*' '\s*\)\s*\)`)

	// equalsRE matches one comparison of the disjunction form
	//	@mimeCode = 'a' or @mimeCode = 'b'
	// capturing the operand and the code.
	equalsRE = regexp.MustCompile(`(@[A-Za-z_][\w.:-]*|\.)\s*=\s*'([^']*)'`)

	// orResidueRE matches what may remain of a disjunction once its
	// comparisons are removed.
	orResidueRE = regexp.MustCompile(`^[\s()]*(or[\s()]+)*$`)
)

// extractLists returns the code lists of a test expression: every
// contains(' ... ', concat(' ', normalize-space(X), ' ')) literal, or, when
// there is none, the codes of a test that is only a disjunction of
// @attr = '...' comparisons on one attribute (one list). Empty lists and
// duplicate codes within a list are errors.
func extractLists(test string) ([][]string, error) {
	var lists [][]string
	for i, m := range containsRE.FindAllStringSubmatch(test, -1) {
		codes := strings.Fields(m[1])
		if len(codes) == 0 {
			return nil, fmt.Errorf("code list #%d is empty", i+1)
		}
		lists = append(lists, codes)
	}
	if lists == nil {
		codes, err := extractDisjunction(test)
		if err != nil {
			return nil, err
		}
		lists = [][]string{codes}
	}
	for i, codes := range lists {
		seen := make(map[string]bool, len(codes))
		for _, c := range codes {
			if seen[c] {
				return nil, fmt.Errorf("code list #%d has %q twice", i+1, c)
			}
			seen[c] = true
		}
	}
	return lists, nil
}

// extractDisjunction returns the codes of a test of the form
// (@a = 'x' or @a = 'y' ...).
func extractDisjunction(test string) ([]string, error) {
	ms := equalsRE.FindAllStringSubmatch(test, -1)
	if len(ms) == 0 {
		return nil, fmt.Errorf("no code list found in test %q", abbrev(test))
	}
	if residue := equalsRE.ReplaceAllString(test, ""); !orResidueRE.MatchString(residue) {
		return nil, fmt.Errorf("test is neither a contains(' ... ') code list nor a plain disjunction of comparisons: %q", abbrev(test))
	}
	var codes []string
	for _, m := range ms {
		if m[1] != ms[0][1] {
			return nil, fmt.Errorf("disjunction compares both %s and %s", ms[0][1], m[1])
		}
		code := m[2]
		if code == "" || strings.TrimSpace(code) != code || strings.ContainsAny(code, " \t\r\n") {
			return nil, fmt.Errorf("disjunction has the invalid code %q", code)
		}
		codes = append(codes, code)
	}
	return codes, nil
}

func abbrev(s string) string {
	const max = 120
	if len(s) <= max {
		return s
	}
	return s[:max] + "..."
}

// charsetReader lets encoding/xml read ISO-8859-1 (Latin-1) documents, the
// encoding the CEN files declare: each byte is the rune of the same value.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii":
		return &latin1Reader{r: bufio.NewReader(input)}, nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

// latin1Reader converts Latin-1 bytes to UTF-8.
type latin1Reader struct {
	r       io.ByteReader
	pending []byte // UTF-8 bytes not yet returned
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(l.pending) > 0 {
			k := copy(p[n:], l.pending)
			l.pending = l.pending[k:]
			n += k
			continue
		}
		b, err := l.r.ReadByte()
		if err != nil {
			if n > 0 && err == io.EOF {
				return n, nil
			}
			return n, err
		}
		if b < utf8.RuneSelf {
			p[n] = b
			n++
			continue
		}
		l.pending = utf8.AppendRune(l.pending[:0], rune(b))
	}
	return n, nil
}
