#!/usr/bin/env bash
# Writes a large user lexicon for the benchmark: a `product_issue` category
# whose rules hold PHRASES literal phrases in total, half Dutch and half
# English (default 20,000), for `convoscan report --lexicons +DIR`.
#
#   bench/make-lexicon.sh DIR [PHRASES]
#
# Why: teams keep their own lexicons next to the built-in ones, and the
# largest are product and complaint taxonomies with thousands of entries. The
# benchmark compares such a lexicon with the built-in lexicons alone, so the
# phrases are what customers say ("router keeps disconnecting", "wasmachine
# lekt water"): a product or service from a vocabulary followed by a problem,
# every combination distinct, none contained in another (so `lexicon check`
# has no `shadowed` warnings). Some of them occur in the generated exports,
# as they would in real ones.
#
# The output depends only on PHRASES: the same arguments always write the same
# bytes. Rules hold at most 500 phrases each, with a `bad` and a `good`
# example, so `convoscan lexicon check +DIR` passes without warnings.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || $1 == -h || $1 == --help ]]; then
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
dir=$1
total=${2:-20000}
if ! [[ $total =~ ^[0-9]+$ ]] || ((total < 2 || total % 2 != 0)); then
    echo "make-lexicon.sh: PHRASES must be an even number of at least 2, not '$total'" >&2
    exit 2
fi
per_language=$((total / 2))
per_rule=500

# shellcheck disable=SC2034 # read through a nameref in write_language
en_items=(
    "kettle" "toaster" "microwave" "fridge" "freezer" "dishwasher" "washing machine"
    "tumble dryer" "vacuum cleaner" "coffee machine" "oven" "hob" "cooker hood" "boiler"
    "thermostat" "radiator" "heat pump" "solar panel" "inverter" "charging station" "laptop"
    "tablet" "phone" "smartwatch" "headphones" "earbuds" "bluetooth speaker" "soundbar"
    "television" "monitor" "printer" "keyboard" "mouse" "webcam" "router" "modem"
    "mesh system" "set-top box" "remote control" "games console" "camera" "e-reader"
    "desk lamp" "ceiling fan" "air purifier" "humidifier" "electric toothbrush" "shaver"
    "hair dryer" "blender" "food processor" "air fryer" "rice cooker" "juicer"
    "sewing machine" "drill" "lawn mower" "hedge trimmer" "pressure washer" "e-bike"
    "scooter" "car seat" "pushchair" "mattress" "sofa" "office chair" "wardrobe" "bookcase"
    "dining table" "bed frame" "sim card" "bank card" "credit card" "debit card" "invoice"
    "direct debit" "refund" "voucher" "gift card" "loyalty points" "subscription" "contract"
    "meter reading" "smart meter" "annual statement" "monthly payment" "landline"
    "fibre line" "internet connection" "tv package" "app" "account" "password" "parcel"
    "order" "return" "delivery" "engineer visit" "appointment" "repair"
)
# shellcheck disable=SC2034 # read through a nameref in write_language
en_problems=(
    "is broken" "stopped working" "does not turn on" "keeps switching off"
    "makes a strange noise" "is leaking water" "smells of burning" "arrived damaged"
    "arrived without a manual" "was never delivered" "is missing parts" "came in the wrong colour"
    "is the wrong size" "does not charge" "drains the battery" "gets very hot" "keeps restarting"
    "shows an error code" "will not connect" "keeps dropping out" "lost all its settings"
    "cannot be reset" "has a cracked screen" "has a dent in it" "is full of scratches"
    "was charged twice" "was charged after I cancelled" "costs more than advertised"
    "is not showing on my account" "has still not been refunded" "was sent to the wrong address"
    "was left outside in the rain" "was delivered to a neighbour" "is stuck in customs"
    "has been delayed again" "was cancelled without notice" "is still pending"
    "was rejected for no reason" "is not what I ordered" "broke after a week"
    "broke after two days" "failed after the update" "does not work with my wifi"
    "keeps asking for a password" "will not pair" "has no sound" "has a flickering picture"
    "has dead pixels" "will not print" "jams all the time" "trips the fuse"
    "blows cold air" "does not heat up" "takes ages to start" "vibrates badly"
    "rattles when it runs" "wobbles on the floor" "has a loose wire" "sparked when I plugged it in"
    "gave me an electric shock" "melted the plug" "cracked on first use" "peeled after a month"
    "faded in the wash" "ripped at the seam" "came apart" "has a broken hinge"
    "has a broken handle" "has a stuck button" "is unusable" "is unsafe to use"
    "was opened before" "is second hand" "is a counterfeit" "has the wrong plug"
    "was sent without a charger" "is on the wrong name" "shows the wrong amount"
    "has an unknown charge" "was taken too early" "went up without warning"
    "was never activated" "was blocked by mistake" "got locked" "was hacked"
    "is not recognised" "will not update" "crashes on startup" "logs me out all the time"
    "has been down since yesterday" "has been down for a week" "is very slow in the evening"
    "was promised for today" "missed the time slot" "did not turn up" "was rescheduled again"
    "left a mess behind" "made it worse" "took the wrong part" "needs a second visit"
    "was refused under warranty"
)
# shellcheck disable=SC2034 # read through a nameref in write_language
nl_items=(
    "waterkoker" "broodrooster" "magnetron" "koelkast" "vriezer" "vaatwasser" "wasmachine"
    "droger" "stofzuiger" "koffiezetapparaat" "oven" "kookplaat" "afzuigkap" "cv-ketel"
    "thermostaat" "radiator" "warmtepomp" "zonnepaneel" "omvormer" "laadpaal" "laptop"
    "tablet" "telefoon" "smartwatch" "koptelefoon" "oordopjes" "bluetooth speaker" "soundbar"
    "televisie" "monitor" "printer" "toetsenbord" "muis" "webcam" "router" "modem"
    "wifi-versterker" "tv-ontvanger" "afstandsbediening" "spelcomputer" "camera" "e-reader"
    "bureaulamp" "plafondventilator" "luchtreiniger" "luchtbevochtiger" "elektrische tandenborstel"
    "scheerapparaat" "fohn" "blender" "keukenmachine" "airfryer" "rijstkoker" "sapcentrifuge"
    "naaimachine" "boormachine" "grasmaaier" "heggenschaar" "hogedrukreiniger" "e-bike"
    "scooter" "autostoel" "kinderwagen" "matras" "driezitsbank" "bureaustoel" "kledingkast"
    "boekenkast" "eettafel" "bedbodem" "simkaart" "bankpas" "creditcard" "betaalpas" "factuur"
    "automatische incasso" "terugbetaling" "tegoedbon" "cadeaukaart" "spaarpunten" "abonnement"
    "contract" "meterstand" "slimme meter" "jaarafrekening" "termijnbedrag" "aansluiting"
    "glasvezel" "internetverbinding" "televisiepakket" "app" "account" "wachtwoord" "pakket"
    "bestelling" "retourzending" "bezorging" "monteursbezoek" "afspraak" "reparatie"
)
# shellcheck disable=SC2034 # read through a nameref in write_language
nl_problems=(
    "is kapot" "werkt niet meer" "gaat niet aan" "slaat steeds af" "maakt een raar geluid"
    "lekt water" "ruikt verbrand" "is beschadigd aangekomen" "kwam zonder handleiding"
    "is nooit bezorgd" "mist onderdelen" "heeft de verkeerde kleur" "is de verkeerde maat"
    "laadt niet op" "trekt de accu leeg" "wordt heel heet" "start steeds opnieuw op"
    "geeft een foutcode" "maakt geen verbinding" "valt steeds weg" "is alle instellingen kwijt"
    "is niet te resetten" "heeft een gebarsten scherm" "heeft een deuk" "zit vol krassen"
    "is dubbel afgeschreven" "is afgeschreven na mijn opzegging" "is duurder dan beloofd"
    "staat niet in mijn account" "is nog steeds niet terugbetaald" "is naar het verkeerde adres gestuurd"
    "stond buiten in de regen" "is bij de buren afgegeven" "zit vast bij de douane"
    "is weer vertraagd" "is zonder bericht geannuleerd" "staat nog steeds open"
    "is zonder reden afgewezen" "is niet wat ik besteld heb" "ging na een week stuk"
    "ging na twee dagen stuk" "doet het niet sinds de update" "werkt niet met mijn wifi"
    "vraagt steeds om een wachtwoord" "wil niet koppelen" "heeft geen geluid" "heeft een flikkerend beeld"
    "heeft dode pixels" "wil niet printen" "loopt steeds vast" "laat de stoppen springen"
    "blaast koude lucht" "wordt niet warm" "doet er eeuwen over om op te starten" "trilt heel erg"
    "rammelt als hij draait" "wiebelt op de vloer" "heeft een losse draad" "gaf vonken bij het inpluggen"
    "gaf me een schok" "heeft de stekker laten smelten" "brak bij het eerste gebruik"
    "bladderde na een maand af" "is verkleurd in de was" "is bij de naad gescheurd" "viel uit elkaar"
    "heeft een kapot scharnier" "heeft een kapot handvat" "heeft een knop die vastzit"
    "is onbruikbaar" "is onveilig om te gebruiken" "was al eerder geopend" "is tweedehands"
    "is namaak" "heeft de verkeerde stekker" "kwam zonder oplader" "staat op de verkeerde naam"
    "toont het verkeerde bedrag" "bevat een onbekende post" "is te vroeg afgeschreven"
    "is zonder waarschuwing verhoogd" "is nooit geactiveerd" "is per ongeluk geblokkeerd"
    "zit op slot" "is gehackt" "wordt niet herkend" "wil niet updaten" "crasht bij het opstarten"
    "logt me steeds uit" "ligt er sinds gisteren uit" "ligt er al een week uit"
    "is 's avonds heel traag" "was beloofd voor vandaag" "viel buiten het tijdvak"
    "kwam niet opdagen" "is weer verzet" "liet een rommel achter" "heeft het erger gemaakt"
    "had het verkeerde onderdeel mee" "moet nog een keer komen" "valt niet onder de garantie"
)

# write_language LANG ITEMS_ARRAY PROBLEMS_ARRAY BAD_TEMPLATE GOOD_SENTENCE
# Phrases run item by item through every problem, so each rule covers a few
# products or services with all their problems.
write_language() {
    local lang=$1 bad_template=$4 good=$5
    local -n items=$2 problems=$3
    local available=$((${#items[@]} * ${#problems[@]}))
    if ((per_language > available)); then
        echo "make-lexicon.sh: at most $((2 * available)) phrases can be made, not $total" >&2
        exit 2
    fi
    mkdir -p "$dir/$lang"
    local file="$dir/$lang/product_issue.toml" n=0 rule=0 item problem
    {
        echo "# Generated by bench/make-lexicon.sh for the benchmark; do not edit."
        for item in "${items[@]}"; do
            for problem in "${problems[@]}"; do
                if ((n == per_language)); then
                    break 2
                fi
                if ((n % per_rule == 0)); then
                    if ((n > 0)); then
                        echo "]"
                    fi
                    rule=$((rule + 1))
                    printf '\n[[rule]]\nid = "product_issue.group_%03d"\n' "$rule"
                    echo 'category = "product_issue"'
                    echo 'severity = "low"'
                    echo 'message = "Product or service problem: {match}"'
                    echo 'why = "Counts what customers call about, product by product."'
                    # shellcheck disable=SC2059 # the template is ours
                    printf "examples = { bad = [\"$bad_template\"], good = [\"%s\"] }\n" \
                        "$item $problem" "$good"
                    echo "phrases = ["
                fi
                printf '  "%s %s",\n' "$item" "$problem"
                n=$((n + 1))
            done
        done
        echo "]"
    } >"$file"
}

mkdir -p "$dir"
cat >"$dir/categories.toml" <<'EOF'
# Generated by bench/make-lexicon.sh for the benchmark; do not edit.
[[category]]
id = "product_issue"
label = "Product issue"
description = "The customer reports a problem with a product or service."
subject = "customer"
EOF
write_language en en_items en_problems "Hi, my %s, can you help me?" "Thanks, that was all."
write_language nl nl_items nl_problems "Hallo, mijn %s, kunt u helpen?" "Bedankt, dat was alles."
