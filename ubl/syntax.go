package ubl

//go:generate go run ../internal/gen/syntaxrules -syntax ubl

import (
	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/schematron"
)

// cenSyntax is the rule set of the syntax binding rules, compiled on first
// use.
var cenSyntax = &schematron.Set{Prefixes: ublNamespaces, Load: cenSyntaxRules}

// checkSyntax evaluates the syntax binding rules on data.
func checkSyntax(data []byte) ([]einvoice.SyntaxIssue, error) {
	issues, err := schematron.Issues(data, ublNamespaces, cenSyntax)
	if err != nil {
		return nil, schematron.DecodeError("ubl", err)
	}
	return issues, nil
}
