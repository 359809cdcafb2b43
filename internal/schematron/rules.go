package schematron

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/einvoice-go/einvoice"
)

// Rule is a rule of a schematron: a context and the asserts and reports
// evaluated on each node it matches. Rules of one pattern are in source
// order; a node matched by a rule is not the context of a later rule of
// the same pattern. A rule whose asserts the rule set does not evaluate
// (business rules, checked elsewhere) is kept with none, for that
// precedence.
type Rule struct {
	Pattern int // the index of the rule's pattern in its source
	Context string
	Lets    []Let
	Asserts []Assert
}

// Let binds a variable for a rule's tests: Value is evaluated with the
// rule's context node.
type Let struct{ Name, Value string }

// Assert is an assert or a report of a rule.
type Assert struct {
	ID      string
	Fatal   bool
	Report  bool // a report, which fires when Test is true; an assert fires when it is false
	Test    string
	Message string
}

// Finding is an assert or report that fired.
type Finding struct {
	ID      string
	Fatal   bool
	Path    string // the context node's path
	Line    int    // the line of the context node's start tag
	Message string
}

// Set is a rule set: rules in source order, the namespace prefixes their
// paths use, and the documents their document() calls read.
type Set struct {
	Prefixes map[string]string // namespace URI -> prefix
	Rules    []Rule
	// Load returns the rules when Rules is nil, called once by Compile:
	// the generated tables are functions, so that their data is built on
	// the heap when a set is first used, not held from the program's
	// start as data the garbage collector scans at every cycle.
	Load func() []Rule
	// CodeLists are the code databases the tests read with document():
	// by document name, the lists by id, each list's values separated by
	// white space (one string a list keeps the garbage collector's work
	// small). The one form the Factur-X schematrons use,
	// document(NAME)/codedb/cl[@id=N]/enumeration[@value=$v], is looked up
	// in a set.
	CodeLists map[string]map[int]string

	once     sync.Once
	err      error
	compiled []compiledRule
	lists    map[string]map[int]map[string]bool
}

type compiledRule struct {
	pattern int
	context expr
	lets    []compiledLet
	asserts []compiledAssert
}

type compiledLet struct {
	name  string
	value expr
}

type compiledAssert struct {
	*Assert
	test expr
}

// Compile parses every expression of the set, once; the error names the
// first one outside the subset.
func (s *Set) Compile() error {
	s.once.Do(func() {
		if s.Rules == nil && s.Load != nil {
			s.Rules = s.Load()
		}
		s.lists = make(map[string]map[int]map[string]bool, len(s.CodeLists))
		for name, db := range s.CodeLists {
			m := make(map[int]map[string]bool, len(db))
			for id, list := range db {
				values := strings.Fields(list)
				set := make(map[string]bool, len(values))
				for _, v := range values {
					set[v] = true
				}
				m[id] = set
			}
			s.lists[name] = m
		}
		for i := range s.Rules {
			r := &s.Rules[i]
			cr := compiledRule{pattern: r.Pattern}
			ctxExpr, err := compileContext(r.Context)
			if err != nil {
				s.err = fmt.Errorf("context %q: %w", r.Context, err)
				return
			}
			cr.context = ctxExpr
			for _, l := range r.Lets {
				e, err := compile(l.Value)
				if err != nil {
					s.err = fmt.Errorf("let %s: %w", l.Name, err)
					return
				}
				cr.lets = append(cr.lets, compiledLet{l.Name, e})
			}
			for j := range r.Asserts {
				a := &r.Asserts[j]
				e, err := compile(a.Test)
				if err != nil {
					s.err = fmt.Errorf("%s: %w", a.ID, err)
					return
				}
				cr.asserts = append(cr.asserts, compiledAssert{a, e})
			}
			s.compiled = append(s.compiled, cr)
		}
	})
	return s.err
}

// compileContext parses a rule context, a pattern: a relative path matches
// anywhere, as //path.
func compileContext(src string) (expr, error) {
	e, err := compile(src)
	if err != nil {
		return nil, err
	}
	anchor := func(e expr) expr {
		if p, ok := e.(*pathExpr); ok && !p.abs {
			p.abs = true
			p.steps = append([]step{descOrSelf()}, p.steps...)
			p.fuse()
		}
		return e
	}
	if u, ok := e.(unionExpr); ok {
		for i := range u {
			u[i] = anchor(u[i])
		}
		return u, nil
	}
	return anchor(e), nil
}

// Check evaluates the set on doc and returns what fired, rule by rule in
// source order, and within a rule in document order. It returns an error
// for an expression outside the subset (see Compile), and ErrBudget, with
// what fired so far, for a document on which the rules would take too
// long.
func (s *Set) Check(doc *Doc) ([]Finding, error) {
	if err := s.Compile(); err != nil {
		return nil, err
	}
	var out []Finding
	root := &ctx{doc: doc, lists: s.lists, item: nodeItem(doc.Root), pos: 1, size: 1}
	lastPattern := -1
	for i := range s.compiled {
		r := &s.compiled[i]
		if r.pattern != lastPattern {
			doc.pass++
			lastPattern = r.pattern
		}
		nodes := r.context.eval(root)
		if !doc.visit(len(nodes)) {
			return out, ErrBudget
		}
		for _, it := range nodes {
			if it.k != kNode {
				continue
			}
			n := it.n
			if n.claim == doc.pass {
				continue
			}
			n.claim = doc.pass
			if len(r.asserts) == 0 {
				continue
			}
			c := root.with(it, 1, 1)
			if len(r.lets) > 0 {
				c.vars = make(map[string]seq, len(r.lets))
				for _, l := range r.lets {
					c.vars[l.name] = l.value.eval(c)
				}
			}
			for _, a := range r.asserts {
				fired := evalBool(c, a.test) == a.Report
				if !doc.visit(1) {
					// The evaluation stopped early: its verdict is unknown.
					return out, ErrBudget
				}
				if fired {
					out = append(out, Finding{ID: a.ID, Fatal: a.Fatal, Path: n.Path(), Line: n.Line, Message: a.Message})
				}
			}
		}
	}
	return out, nil
}

// Issues parses data and checks the sets on it, in order, returning the
// findings as the decoders report them: one issue per rule and element
// (a later set repeating a rule of an earlier one adds nothing).
func Issues(data []byte, prefixes map[string]string, sets ...*Set) ([]einvoice.SyntaxIssue, error) {
	doc, err := Parse(data, prefixes)
	if err != nil {
		return nil, err
	}
	var out []einvoice.SyntaxIssue
	seen := make(map[string]bool)
	for _, s := range sets {
		fs, err := s.Check(doc)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			key := f.ID + "\x00" + f.Path
			if f.ID != "" && seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, einvoice.SyntaxIssue{Rule: f.ID, Fatal: f.Fatal, Path: f.Path, Line: f.Line, Msg: f.Message})
		}
	}
	return out, nil
}

// DecodeError turns an error of Issues into the decoders' error, located
// at the line of a parse error.
func DecodeError(format string, err error) error {
	de := &einvoice.DecodeError{Format: format, Msg: "checking the syntax rules: " + err.Error(), Err: err, Line: 1, Column: 1}
	var pe *ParseError
	if errors.As(err, &pe) {
		de.Line, de.Msg = pe.Line, "checking the syntax rules: "+pe.Msg
	}
	return de
}
