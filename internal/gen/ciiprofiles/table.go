package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
)

// term is one entry of the termPaths table.
type term struct {
	id    string
	alts  []string // the path alternatives as written, primary first
	paths []path   // the same, parsed
}

// readTable parses the Go file at name and returns its termPaths table:
// var termPaths = []termPath{{"BT-1", "path"}, ...}, where each value is a
// string literal, a string constant declared in the same file, or a sum of
// those.
func readTable(name string) ([]term, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	consts := map[string]ast.Expr{}
	var table *ast.CompositeLit
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range gd.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if !ok || len(vs.Names) != len(vs.Values) {
				continue
			}
			for i, n := range vs.Names {
				switch {
				case gd.Tok == token.CONST:
					consts[n.Name] = vs.Values[i]
				case gd.Tok == token.VAR && n.Name == "termPaths":
					table, _ = vs.Values[i].(*ast.CompositeLit)
				}
			}
		}
	}
	if table == nil {
		return nil, fmt.Errorf("%s: no var termPaths = []termPath{...}", name)
	}
	ev := evaluator{fset: fset, consts: consts, done: map[string]string{}}
	var terms []term
	seen := map[string]bool{}
	for _, e := range table.Elts {
		lit, ok := e.(*ast.CompositeLit)
		if !ok || len(lit.Elts) != 2 {
			return nil, fmt.Errorf("%s: a termPaths entry is not {id, path}", fset.Position(e.Pos()))
		}
		var vals [2]string
		for i, x := range lit.Elts {
			if kv, ok := x.(*ast.KeyValueExpr); ok {
				x = kv.Value
			}
			if vals[i], err = ev.eval(x); err != nil {
				return nil, err
			}
		}
		t := term{id: vals[0]}
		if seen[t.id] {
			return nil, fmt.Errorf("%s: %s twice", fset.Position(e.Pos()), t.id)
		}
		seen[t.id] = true
		for _, a := range strings.Split(vals[1], "|") {
			a = strings.TrimSpace(a)
			p, err := parsePath(a)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", fset.Position(e.Pos()), t.id, err)
			}
			t.alts = append(t.alts, a)
			t.paths = append(t.paths, p)
		}
		terms = append(terms, t)
	}
	if len(terms) == 0 {
		return nil, fmt.Errorf("%s: termPaths is empty", name)
	}
	return terms, nil
}

// evaluator evaluates constant string expressions of one file.
type evaluator struct {
	fset   *token.FileSet
	consts map[string]ast.Expr
	done   map[string]string
	busy   []string
}

func (ev *evaluator) eval(x ast.Expr) (string, error) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return strconv.Unquote(x.Value)
		}
	case *ast.ParenExpr:
		return ev.eval(x.X)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			a, err := ev.eval(x.X)
			if err != nil {
				return "", err
			}
			b, err := ev.eval(x.Y)
			return a + b, err
		}
	case *ast.Ident:
		if s, ok := ev.done[x.Name]; ok {
			return s, nil
		}
		def, ok := ev.consts[x.Name]
		if !ok {
			return "", fmt.Errorf("%s: %s is not a string constant of the file", ev.fset.Position(x.Pos()), x.Name)
		}
		for _, b := range ev.busy {
			if b == x.Name {
				return "", fmt.Errorf("%s: constant %s refers to itself", ev.fset.Position(x.Pos()), x.Name)
			}
		}
		ev.busy = append(ev.busy, x.Name)
		s, err := ev.eval(def)
		ev.busy = ev.busy[:len(ev.busy)-1]
		if err != nil {
			return "", err
		}
		ev.done[x.Name] = s
		return s, nil
	}
	return "", fmt.Errorf("%s: not a constant string expression", ev.fset.Position(x.Pos()))
}
