package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/validate"
)

const validateUsage = `usage: einvoice validate [--rules en16931|facturx|fr|choruspro[,...]] [--buyer-requires none|service|engagement|service-or-engagement|service-and-engagement] [--json] FILE...

Checks each FILE (a JSON invoice, a CII document, a UBL Invoice or
CreditNote, or a Factur-X PDF; - is standard input) against the official
rules, and prints for each file PASS or FAIL, then one line per issue:

  [RULE] path: message

where RULE is the official rule id (BR-CO-15, CII-SR-013), path the model
path of the offending value (Totals.TaxInclusive) or, for a rule on the
XML itself, the element's path. Warnings do not make a file fail. A JSON
invoice is checked as it is, not completed. A file that does not decode
fails with one issue, its decoding error.

Flags (before or after the files):
  --rules SETS  comma-separated rule sets:
                en16931  the CEN EN 16931 schematron (the default): the
                         business rules, and on XML the syntax binding
                         rules (CII-SR, CII-DT, UBL-SR, UBL-CR, UBL-DT);
                facturx  the Factur-X 1.09.2 schematron of the profile the
                         invoice declares (BT-24): its business rules and,
                         on CII, its structural rules (FX-SCH-A), with the
                         CEN schematron for BASIC and EN 16931 as the
                         official tools do. An invoice that declares no
                         Factur-X profile gets the en16931 set; one that
                         declares extended-ctc-fr the business rules of
                         extended, with the CEN syntax rules and no
                         structural rules on CII, as the official tools
                         take it for plain CII.
                fr       en16931 and the French CIUS of the 2026 reform:
                         the BR-FR, BR-FR-CO and BR-FR-DEC rules of the
                         FNFE-MPE Flux 2 schematron v1.4.0 (UBL files get
                         the UBL schematron's ids);
                choruspro  fr and the rules of Chorus Pro, the portal of
                         French public buyers (BR-FR-CPRO: the buyer's
                         SIRET, the engagement number, the service code,
                         lengths, attachments, IBAN).
  --buyer-requires SETTING
                with choruspro: what the buyer's entry in the Chorus Pro
                directory requires: none (the default), service (a
                service code, BT-10 or a buyer identifier of scheme
                0224), engagement (an engagement number, BT-13),
                service-or-engagement, service-and-engagement.
  --json        print one JSON object per file and line:
                {"file":..., "valid":..., "issues":[{"rule":..., "severity":
                "fatal"|"warning", "path":..., "terms":[...], "message":...}]}

Exit status: 0 when no file has a fatal issue, 1 when one has, 2 on a usage
or read error.
`

// ruleSets are the sets of the contract's --rules flag.
var ruleSets = []string{"en16931", "facturx", "fr", "choruspro"}

func validateCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	rules := fs.String("rules", "en16931", "rule sets")
	asJSON := fs.Bool("json", false, "JSON lines output")
	buyerRequires := fs.String("buyer-requires", "", "the buyer's Chorus Pro settings")
	positional, code, done := parseFlags(fs, args, validateUsage, stdout, stderr)
	if done {
		return code
	}
	var want ruleChoice
	for _, name := range strings.Split(*rules, ",") {
		switch {
		case name == "en16931":
			want.en16931 = true
		case name == "facturx":
			want.facturx = true
		case name == "fr":
			want.fr = true
		case name == "choruspro":
			want.choruspro = true
		default:
			return usageError(stderr, fmt.Sprintf("validate: bad --rules value %q: want a comma-separated list of %s", name, strings.Join(ruleSets, ", ")))
		}
	}
	if *buyerRequires != "" {
		if !want.choruspro {
			return usageError(stderr, "validate: --buyer-requires applies to --rules choruspro")
		}
		var err error
		if want.buyer, err = validate.ParseBuyerRequires(*buyerRequires); err != nil {
			return usageError(stderr, "validate: --buyer-requires: "+err.Error())
		}
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
		rep := validateFile(f.name, f.data, want)
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

// ruleChoice is what --rules and --buyer-requires ask for.
type ruleChoice struct {
	en16931, facturx, fr, choruspro bool
	buyer                           validate.BuyerRequires
}

// cen reports whether the sets asked for hold the CEN rules, and so the
// CEN syntax rules on XML: en16931, fr and choruspro do.
func (w ruleChoice) cen() bool { return w.en16931 || w.fr || w.choruspro }

// validateFile decodes and validates one file; a decoding error becomes the
// report's one fatal issue. The syntax rules the decoder checks come first
// in the report. A UBL file is validated with the sets' UBL flavour, which
// gives the official UBL schematron's verdict.
func validateFile(name string, data []byte, want ruleChoice) validate.Report {
	// The CEN schematron runs for en16931, and with facturx for the
	// profiles built on EN 16931 (BASIC, EN 16931) or none, as check does.
	rules := syntaxRules{cen: want.cen(), profile: want.facturx}
	in, ignored, err := decodeInput(name, data, rules)
	if err == nil && want.facturx && !want.cen() && in.kind != "json" && cenRunsFor(in) {
		// The profile was not known before decoding: decode again for
		// the CEN syntax rules, which come first.
		var again *input
		if again, _, err = decodeInput(name, data, syntaxRules{cen: true}); err == nil {
			in.issues = mergeSyntax(again.issues, in.issues)
		}
	}
	if err != nil {
		var rep validate.Report
		rep.AddDecodeError(err)
		return rep
	}
	var sets []validate.RuleSet
	var notes []validate.Issue
	if want.facturx {
		// The profile's set comes first: a rule in both sets runs once,
		// from the first, and the Factur-X schematrons test a few rules
		// more widely than the CEN one (BR-CO-03, BR-CO-17, BR-CO-18).
		fx, ok := validate.FacturX(in.inv.Process.Specification)
		switch {
		case in.kind == "ubl":
			notes = append(notes, validate.Issue{Rule: "facturx", Severity: validate.Warning, Message: "the Factur-X profiles are CII profiles: a UBL document gets the EN 16931 rules"})
			fx = validate.EN16931
		case !ok:
			notes = append(notes, validate.Issue{Rule: "facturx", Severity: validate.Warning, Path: "Process.Specification",
				Terms: []string{"BT-24"}, Message: fmt.Sprintf("%q names no Factur-X profile: the EN 16931 rules apply", in.inv.Process.Specification)})
			fx = validate.EN16931
		}
		sets = append(sets, fx)
	}
	// A set includes the ones it builds on (choruspro fr, fr en16931),
	// and a rule in several runs once: the largest set asked for is enough.
	switch {
	case want.choruspro:
		sets = append(sets, validate.ChorusPro(validate.ChorusProOptions{BuyerRequires: want.buyer}))
	case want.fr:
		sets = append(sets, validate.French)
	case want.en16931:
		sets = append(sets, validate.EN16931)
	}
	if in.kind == "ubl" {
		ubl := make([]validate.RuleSet, len(sets))
		for i, s := range sets {
			ubl[i] = s.For(validate.UBL)
		}
		sets = ubl
	}
	rep := validate.Invoice(in.inv, sets...)
	rep.AddSyntax(in.issues)
	rep.Issues = append(notes, rep.Issues...)
	for _, ig := range ignored {
		rep.Issues = append(rep.Issues, validate.Issue{Rule: "ignored", Severity: validate.Warning, Message: "not carried into the model: " + ig})
	}
	return rep
}

// cenRunsFor reports whether the official tools run the CEN schematron
// with a Factur-X profile's: for BASIC and EN 16931, for a CII document
// that declares no profile or EXTENDED-CTC-FR (which they take for plain
// CII, running no Factur-X schematron), and always for UBL.
func cenRunsFor(in *input) bool {
	switch in.profile {
	case cii.Minimum, cii.BasicWL, cii.Extended:
		return in.kind == "ubl"
	}
	return true
}

// mergeSyntax returns the issues of a then of b, without an issue of b
// that a already has (same rule and element): the Factur-X schematrons
// repeat a few CEN rules.
func mergeSyntax(a, b []einvoice.SyntaxIssue) []einvoice.SyntaxIssue {
	out := append([]einvoice.SyntaxIssue(nil), a...)
	for _, is := range b {
		if is.Rule != "" && slices.ContainsFunc(a, func(x einvoice.SyntaxIssue) bool { return x.Rule == is.Rule && x.Path == is.Path }) {
			continue
		}
		out = append(out, is)
	}
	return out
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
