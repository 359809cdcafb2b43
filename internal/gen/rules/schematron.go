package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// The ISO schematron namespace of every source file.
const schNS = "http://purl.oclc.org/dsdl/schematron"

// assert is one assert (or report with an id) of a schematron file.
type assert struct {
	ID   string
	Flag string // the flag attribute, "" when absent
	Test string
	Text string // whitespace normalised, prefix included, <value-of> dropped
}

// file is what the generator reads from one schematron file.
type file struct {
	name     string   // for messages
	asserts  []assert // in document order
	params   []string // names of the <param> elements, in document order
	contexts []string // the context attributes of the <rule> elements
}

// readFile reads and parses the schematron file at path.
func readFile(path, name string) (*file, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseFile(f, name)
}

// parseFile parses a schematron document: the asserts and id'd reports
// anywhere in it, its params and its rule contexts. Comments, and so the
// rules commented out, are ignored. An assert must have an id and a text
// of character data, in which the <value-of> and <name> elements (the
// French files have them) are dropped; other markup is an error. A report
// without id (the Factur-X "not used" reports) is skipped.
func parseFile(r io.Reader, name string) (*file, error) {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charsetReader
	f := &file{name: name}
	var cur *assert // the assert being read, or nil
	var text strings.Builder
	root := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root {
				root = false
				if t.Name.Space != schNS {
					return nil, fmt.Errorf("%s: root element %s is not in the schematron namespace", name, t.Name.Local)
				}
			}
			if cur != nil {
				// A <value-of> or <name> prints a value of the
				// instance; the message is the text without it.
				if t.Name.Space == schNS && (t.Name.Local == "value-of" || t.Name.Local == "name") {
					if err := dec.Skip(); err != nil {
						return nil, fmt.Errorf("%s: %w", name, err)
					}
					continue
				}
				return nil, fmt.Errorf("%s: assert %s has markup (<%s>) in its text", name, cur.ID, t.Name.Local)
			}
			if t.Name.Space != schNS {
				continue
			}
			switch t.Name.Local {
			case "rule":
				f.contexts = append(f.contexts, attr(t, "context"))
			case "param":
				f.params = append(f.params, attr(t, "name"))
			case "assert", "report":
				a := assert{ID: attr(t, "id"), Flag: attr(t, "flag"), Test: attr(t, "test")}
				if a.ID == "" {
					if t.Name.Local == "report" {
						if err := dec.Skip(); err != nil {
							return nil, fmt.Errorf("%s: %w", name, err)
						}
						continue
					}
					return nil, fmt.Errorf("%s: an assert (test %q) has no id", name, abbrev(a.Test))
				}
				cur = &a
				text.Reset()
			}
		case xml.CharData:
			if cur != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if cur != nil {
				cur.Text = strings.Join(strings.Fields(text.String()), " ")
				if cur.Text == "" {
					return nil, fmt.Errorf("%s: assert %s has no text", name, cur.ID)
				}
				f.asserts = append(f.asserts, *cur)
				cur = nil
			}
		}
	}
	return f, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func abbrev(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= 80 {
		return s
	}
	return s[:80] + "..."
}

// charsetReader lets encoding/xml read ISO-8859-1 documents (some CEN CII
// files declare it): each byte is the rune of the same value.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1":
	default:
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	b, err := io.ReadAll(input)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return strings.NewReader(string(out)), nil
}
