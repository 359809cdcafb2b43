package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice/validate"
)

const validateUsage = `usage: einvoice validate [--rules en16931] [--json] FILE...

Checks each FILE (a JSON invoice, a CII document, a UBL Invoice or
CreditNote, or a Factur-X PDF; - is standard input) against the business
rules, and prints for each file PASS or FAIL, then one line per issue:

  [RULE] path: message

where RULE is the official rule id (BR-CO-15), path the model path of the
offending value (Totals.TaxInclusive). Warnings do not make a file fail. A
JSON invoice is checked as it is, not completed. A file that does not
decode fails with one issue, its decoding error.

Flags (before or after the files):
  --rules SETS  comma-separated rule sets: en16931 (the default). The sets
                facturx, fr and choruspro come with later versions.
  --json        print one JSON object per file and line:
                {"file":..., "valid":..., "issues":[{"rule":..., "severity":
                "fatal"|"warning", "path":..., "terms":[...], "message":...}]}

Exit status: 0 when no file has a fatal issue, 1 when one has, 2 on a usage
or read error.
`

// ruleSets are the sets of the contract's --rules flag; the ones not yet
// built are refused as not supported yet.
var ruleSets = []string{"en16931", "facturx", "fr", "choruspro"}

func validateCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	rules := fs.String("rules", "en16931", "rule sets")
	asJSON := fs.Bool("json", false, "JSON lines output")
	fs.String("buyer-requires", "", "the buyer's Chorus Pro settings")
	positional, code, done := parseFlags(fs, args, validateUsage, stdout, stderr)
	if done {
		return code
	}
	var sets []validate.RuleSet
	for _, name := range strings.Split(*rules, ",") {
		switch {
		case name == "en16931":
			sets = append(sets, validate.EN16931)
		case slices.Contains(ruleSets, name):
			return usageError(stderr, "validate: --rules "+name+" is not supported yet: it comes with a later version")
		default:
			return usageError(stderr, fmt.Sprintf("validate: bad --rules value %q: want a comma-separated list of %s", name, strings.Join(ruleSets, ", ")))
		}
	}
	if fs.Lookup("buyer-requires").Value.String() != "" {
		return usageError(stderr, "validate: --buyer-requires applies to --rules choruspro, which comes with a later version")
	}
	if len(positional) == 0 {
		return usageError(stderr, "validate: no file given")
	}
	// Read every file first: a read error is a usage error (exit 2), and
	// no verdict is printed for a run that cannot complete.
	type file struct {
		name string
		data []byte
	}
	files := make([]file, 0, len(positional))
	for _, arg := range positional {
		name, data, err := readArg(arg, stdin)
		if err != nil {
			return usageError(stderr, "validate: "+err.Error())
		}
		files = append(files, file{name, data})
	}
	status := exitOK
	for _, f := range files {
		rep := validateFile(f.name, f.data, sets)
		if !rep.Valid() {
			status = exitFail
		}
		if *asJSON {
			printJSONReport(stdout, f.name, rep)
		} else {
			printReport(stdout, f.name, rep)
		}
	}
	return status
}

// validateFile decodes and validates one file; a decoding error becomes the
// report's one fatal issue. A UBL file is validated with the sets' UBL
// flavour, which gives the official UBL schematron's verdict.
func validateFile(name string, data []byte, sets []validate.RuleSet) validate.Report {
	in, ignored, err := decodeInput(name, data)
	if err != nil {
		return validate.Report{Issues: []validate.Issue{{Rule: "decode", Severity: validate.Fatal, Message: trimPrefix(err)}}}
	}
	if in.kind == "ubl" {
		ubl := make([]validate.RuleSet, len(sets))
		for i, s := range sets {
			ubl[i] = s.For(validate.UBL)
		}
		sets = ubl
	}
	rep := validate.Invoice(in.inv, sets...)
	for _, ig := range ignored {
		rep.Issues = append(rep.Issues, validate.Issue{Rule: "ignored", Severity: validate.Warning, Message: "not carried into the model: " + ig})
	}
	return rep
}

func printReport(w io.Writer, name string, rep validate.Report) {
	verdict := "PASS"
	if !rep.Valid() {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "%s %s\n", verdict, name)
	for _, is := range rep.Issues {
		fmt.Fprintf(w, "  %s\n", is)
	}
}

type jsonIssue struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Path     string   `json:"path"`
	Terms    []string `json:"terms"`
	Message  string   `json:"message"`
}

type jsonReport struct {
	File   string      `json:"file"`
	Valid  bool        `json:"valid"`
	Issues []jsonIssue `json:"issues"`
}

func printJSONReport(w io.Writer, name string, rep validate.Report) {
	out := jsonReport{File: name, Valid: rep.Valid(), Issues: make([]jsonIssue, len(rep.Issues))}
	for i, is := range rep.Issues {
		terms := is.Terms
		if terms == nil {
			terms = []string{}
		}
		out.Issues[i] = jsonIssue{is.Rule, is.Severity.String(), is.Path, terms, is.Message}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(out) //nolint:errcheck // a write error on stdout has nowhere to go
}
