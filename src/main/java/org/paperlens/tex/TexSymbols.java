package org.paperlens.tex;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the commands of titles and abstracts mean: symbols as Unicode, operators, accents, styles,
 * and the commands whose arguments are text or are dropped. Every math command named here is one
 * KaTeX knows ({@code KatexTexTest} renders each in Chromium), so {@link KatexTex} may pass it on.
 */
final class TexSymbols {

  private TexSymbols() {}

  /** Math symbols, as KaTeX names them. */
  static final Map<String, String> MATH = table("""
      alpha α beta β gamma γ delta δ epsilon ε varepsilon ε zeta ζ eta η theta θ vartheta ϑ iota ι kappa κ
      varkappa ϰ lambda λ mu μ nu ν xi ξ omicron ο pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς tau τ
      upsilon υ phi φ varphi φ chi χ psi ψ omega ω digamma ϝ Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π
      Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω
      leq ≤ le ≤ geq ≥ ge ≥ leqslant ⩽ geqslant ⩾ ll ≪ gg ≫ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ cong ≅
      equiv ≡ propto ∝ prec ≺ succ ≻ preceq ⪯ succeq ⪰ lesssim ≲ gtrsim ≳ subset ⊂ supset ⊃ subseteq ⊆
      supseteq ⊇ subsetneq ⊊ in ∈ ni ∋ notin ∉ mid | nmid ∤ parallel ∥ perp ⊥ models ⊨ vdash ⊢ vDash ⊨
      dashv ⊣ asymp ≍ doteq ≐ triangleq ≜ coloneqq ≔ lt < gt >
      to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐ Leftrightarrow ⇔
      implies ⟹ iff ⟺ mapsto ↦ longrightarrow ⟶ longleftarrow ⟵ Longrightarrow ⟹ longmapsto ⟼ uparrow ↑
      downarrow ↓ Uparrow ⇑ Downarrow ⇓ updownarrow ↕ nearrow ↗ searrow ↘ hookrightarrow ↪
      rightleftharpoons ⇌ leadsto ⇝ nrightarrow ↛
      times × cdot · pm ± mp ∓ div ÷ ast ∗ star ⋆ circ ∘ bullet • oplus ⊕ ominus ⊖ otimes ⊗ odot ⊙
      oslash ⊘ cup ∪ cap ∩ sqcup ⊔ sqcap ⊓ uplus ⊎ wedge ∧ land ∧ vee ∨ lor ∨ setminus ∖ dagger †
      ddagger ‡ wr ≀ diamond ⋄ triangle △ bigtriangleup △
      sum ∑ prod ∏ coprod ∐ int ∫ iint ∬ iiint ∭ oint ∮ bigcup ⋃ bigcap ⋂ bigoplus ⨁ bigotimes ⨂
      bigvee ⋁ bigwedge ⋀ bigsqcup ⨆
      infty ∞ partial ∂ nabla ∇ ell ℓ forall ∀ exists ∃ nexists ∄ neg ¬ lnot ¬ emptyset ∅ varnothing ∅
      hbar ℏ Re ℜ Im ℑ aleph ℵ wp ℘ prime ′ top ⊤ bot ⊥ angle ∠ checkmark ✓ dag † degree ° circledR ®
      copyright © pounds £ yen ¥ bigstar ★ blacksquare ■ square □ Box □ clubsuit ♣ diamondsuit ♢
      heartsuit ♡ spadesuit ♠ flat ♭ sharp ♯ natural ♮ surd √ therefore ∴ because ∵
      langle ⟨ rangle ⟩ lceil ⌈ rceil ⌉ lfloor ⌊ rfloor ⌋ vert | Vert ‖ lvert | rvert | lVert ‖ rVert ‖
      lbrace { rbrace } lbrack [ rbrack ]
      ldots … cdots ⋯ dots … dotsc … dotsb ⋯ vdots ⋮ ddots ⋱
      { { } } % % & & # # _ _ $ $ | ‖
      """);

  /** Math commands that only make space: one space in Unicode. */
  static final Set<String> SPACES = Set.of("quad", "qquad", ",", ";", ":", ">", " ", "enspace", "thinspace", "\\");

  /** Math commands that change sizes or styles only, with no argument: nothing in Unicode. */
  static final Set<String> SIZING = Set.of("left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl",
      "Bigr", "biggl", "biggr", "Biggl", "Biggr", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "!");

  /** Named operators, shown as their names with space around them. */
  static final Set<String> OPERATORS = Set.of("log", "ln", "lg", "exp", "max", "min", "sup", "inf", "lim", "liminf",
      "limsup", "det", "Pr", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "arcsin", "arccos",
      "arctan", "arg", "gcd", "deg", "dim", "ker", "hom", "bmod", "mod");

  /** Operators people write although TeX has none: KaTeX gets them as {@code \operatorname*}. */
  static final Map<String, String> EXTRA_OPERATORS = Map.of("argmax", "arg max", "argmin", "arg min");

  /** Math accents, as the combining character put after the accented character. */
  static final Map<String, String> ACCENTS = Map.of("tilde", "\u0303", "widetilde", "\u0303", "hat", "\u0302",
      "widehat", "\u0302", "bar", "\u0304", "overline", "\u0305", "vec", "\u20D7", "dot", "\u0307", "ddot", "\u0308",
      "check", "\u030C");

  /** Text-mode accents ({@code \"o}, {@code \'{e}}). */
  static final Map<String, String> TEXT_ACCENTS = Map.of("\"", "\u0308", "'", "\u0301", "`", "\u0300", "^", "\u0302",
      "~", "\u0303", "=", "\u0304", ".", "\u0307", "u", "\u0306", "v", "\u030C", "H", "\u030B");

  /** Text-mode symbols and the abbreviations authors define ({@code \eg}); {@code \c} (cedilla) is an accent too but one TeX writes under the letter. */
  static final Map<String, String> TEXT = table("""
      textasciitilde ~ textasciicircum ^ textbackslash \\ textdegree ° textregistered ® texttrademark ™
      textcopyright © textemdash — textendash – textless < textgreater > textmu µ textpertenthousand ‱
      textperthousand ‰ textbullet • textbar | textquotedblleft “ textquotedblright ” textquoteleft ‘
      textquoteright ’ textsection § textparagraph ¶ textdagger † S § P ¶ aa å AA Å o ø O Ø ss ß ae æ
      AE Æ oe œ OE Œ l ł L Ł i ı j ȷ textellipsis … euro € xmark ✗ LaTeX LaTeX TeX TeX
      eg e.g. ie i.e. wrt w.r.t.
      % % & & # # _ _ $ $ { { } }
      """);

  /** Letters of {@code \mathcal}/{@code \mathscr}, {@code \mathbb} and {@code \mathfrak} that Unicode has outside its math planes. */
  enum Alphabet {
    PLAIN(""), SCRIPT("BℬEℰFℱHℋIℐLℒMℳRℛeℯgℊoℴ"), DOUBLE_STRUCK("CℂHℍNℕPℙQℚRℝZℤ"), FRAKTUR("CℭHℌIℑRℜZℨ");

    private final String pairs;

    Alphabet(String pairs) {
      this.pairs = pairs;
    }

    /** The letter in this alphabet where Unicode has it, else the letter. */
    String letter(int cp) {
      for (int i = 0; i < pairs.length(); i += 2) {
        if (pairs.charAt(i) == cp) {
          return String.valueOf(pairs.charAt(i + 1));
        }
      }
      return new String(Character.toChars(cp));
    }
  }

  /** Style commands of math: their argument in an alphabet (most keep the letters as they are). */
  static final Map<String, Alphabet> STYLES = styles();

  /** Commands whose one argument is text-mode TeX (in math too). */
  static final Set<String> TEXT_ARGUMENT = Set.of("text", "textrm", "textbf", "textit", "textsf", "texttt", "textup",
      "textmd", "textnormal", "textsl", "textsc", "emph", "mbox", "hbox", "uline", "url", "enquote");

  /** Text commands KaTeX keeps as themselves; the others in {@link #TEXT_ARGUMENT} become {@code \text}. */
  static final Set<String> KATEX_TEXT = Set.of("text", "textrm", "textbf", "textit", "textsf", "texttt", "textup",
      "textmd", "textnormal", "emph");

  /** Commands dropped with their arguments (how many): citations, labels, colours, spacing, environments. */
  static final Map<String, Integer> DROPPED = Map.ofEntries(Map.entry("cite", 1), Map.entry("citep", 1),
      Map.entry("citet", 1), Map.entry("citealp", 1), Map.entry("citealt", 1), Map.entry("citeauthor", 1),
      Map.entry("citeyear", 1), Map.entry("nocite", 1), Map.entry("ref", 1), Map.entry("eqref", 1), Map.entry("autoref", 1),
      Map.entry("cref", 1), Map.entry("Cref", 1), Map.entry("pageref", 1), Map.entry("label", 1), Map.entry("footnote", 1),
      Map.entry("footnotetext", 1), Map.entry("thanks", 1), Map.entry("color", 1), Map.entry("hspace", 1),
      Map.entry("vspace", 1), Map.entry("phantom", 1), Map.entry("hphantom", 1), Map.entry("vphantom", 1),
      Map.entry("includegraphics", 1), Map.entry("begin", 1), Map.entry("end", 1), Map.entry("tag", 1));

  /** Commands of two arguments that show only the second ({@code \href{url}{text}}, {@code \overset{a}{b}}). */
  static final Set<String> SECOND = Set.of("href", "textcolor", "colorbox", "hyperlink", "overset", "underset", "stackrel");

  /** Math commands with an argument structure of their own. */
  static final Set<String> STRUCTURES = Set.of("frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "not",
      "pmod", "xrightarrow", "xleftarrow", "operatorname", "operatorname*");

  /** Whether {@code name} is a math command this package knows. */
  static boolean inMath(String name) {
    return MATH.containsKey(name) || OPERATORS.contains(name) || EXTRA_OPERATORS.containsKey(name) || STYLES.containsKey(name)
        || ACCENTS.containsKey(name) || STRUCTURES.contains(name);
  }

  private static Map<String, Alphabet> styles() {
    Map<String, Alphabet> m = new HashMap<>();
    for (String s : "mathrm mathbf mathit mathsf mathtt mathnormal boldsymbol bm mathbin mathrel mathop mathord mathopen "
        .concat("mathclose mathpunct pmb underline boxed overbrace underbrace smash").split(" ")) {
      m.put(s, Alphabet.PLAIN);
    }
    m.put("mathcal", Alphabet.SCRIPT);
    m.put("mathscr", Alphabet.SCRIPT);
    m.put("mathbb", Alphabet.DOUBLE_STRUCK);
    m.put("Bbb", Alphabet.DOUBLE_STRUCK);
    m.put("mathfrak", Alphabet.FRAKTUR);
    return Map.copyOf(m);
  }

  /** "name value name value ..." as a map. */
  private static Map<String, String> table(String pairs) {
    String[] w = pairs.strip().split("\\s+");
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < w.length; i += 2) {
      m.put(w[i], w[i + 1]);
    }
    return Map.copyOf(m);
  }
}
