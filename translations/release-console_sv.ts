<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>ClearButton</name>
    <message>
        <location filename="../ui/clearbutton.cpp" line="27"/>
        <source>Clear</source>
        <translation>Töm</translation>
    </message>
</context>
<context>
    <name>rc::CommitMessage</name>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="134"/>
        <source>and %1 more in the package block, not listed</source>
        <translation>och %1 till i paketblocket, inte listade</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="165"/>
        <source>the package block has no closing &apos;}&apos;; the entries before the end of the message were read</source>
        <translation>paketblocket saknar avslutande &apos;}&apos;; posterna före meddelandets slut lästes</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="214"/>
        <source>a &apos;:&apos; is missing after the key %1; the entry was ignored</source>
        <translation>ett &apos;:&apos; saknas efter nyckeln %1; posten ignorerades</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="231"/>
        <source>a key in the package block has no closing quote</source>
        <translation>en nyckel i paketblocket saknar avslutande citattecken</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="240"/>
        <source>unexpected %1 in the package block; the entry was ignored</source>
        <translation>oväntat %1 i paketblocket; posten ignorerades</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="244"/>
        <source>the key %1 must be in quotes, as in &quot;%2&quot;; the entry was ignored</source>
        <translation>nyckeln %1 måste stå inom citattecken, som i &quot;%2&quot;; posten ignorerades</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="254"/>
        <source>%1 has no value</source>
        <translation>%1 har inget värde</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="261"/>
        <source>the value of %1 has no closing quote on its line</source>
        <translation>värdet för %1 saknar avslutande citattecken på sin rad</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="273"/>
        <source>the value of %1 must be a quoted string, not a list or object</source>
        <translation>värdet för %1 måste vara en sträng inom citattecken, inte en lista eller ett objekt</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="280"/>
        <source>unexpected %1 in the value of %2</source>
        <translation>oväntat %1 i värdet för %2</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="285"/>
        <source>the value of %1 must be quoted, as in &quot;%2&quot;: &quot;%3&quot;; %4 was not used</source>
        <translation>värdet för %1 måste stå inom citattecken, som i &quot;%2&quot;: &quot;%3&quot;; %4 användes inte</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="301"/>
        <source>a &apos;,&apos; is missing after the value of %1</source>
        <translation>ett &apos;,&apos; saknas efter värdet för %1</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="304"/>
        <source>unexpected %1 after the value of %2; it was ignored</source>
        <translation>oväntat %1 efter värdet för %2; det ignorerades</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="314"/>
        <source>unknown key %1 was ignored (the known keys are %2)</source>
        <translation>den okända nyckeln %1 ignorerades (de kända nycklarna är %2)</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="317"/>
        <source>unknown key %1 was ignored (did you mean &apos;%2&apos;?)</source>
        <translation>den okända nyckeln %1 ignorerades (menade du &apos;%2&apos;?)</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="322"/>
        <source>%1 is given more than once; only the first is used</source>
        <translation>%1 anges mer än en gång; bara den första används</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="411"/>
        <source>%1 is a typographic quote; the package block needs straight quotes (&quot; or &apos;), so the entry was ignored</source>
        <translation>%1 är ett typografiskt citattecken; paketblocket kräver raka citattecken (&quot; eller &apos;), så posten ignorerades</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="420"/>
        <source>the package block is in the title; it must be in the body, below the title, so it was ignored</source>
        <translation>paketblocket står i titeln; det måste stå i brödtexten, under titeln, så det ignorerades</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="424"/>
        <source>the title has [conda-build] but the body has no package = {...} block; the form&apos;s defaults are used</source>
        <translation>titeln har [conda-build] men brödtexten har inget block package = {...}; formulärets standardvärden används</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="428"/>
        <source>the body has a package block but the title lacks [conda-build], so the old CI would not have started a build</source>
        <translation>innehållet har ett paketblock men titeln saknar [conda-build], så den gamla CI:n skulle inte ha startat något bygge</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="447"/>
        <source>the commit message is longer than %1 characters; only its beginning was read</source>
        <translation>incheckningsmeddelandet är längre än %1 tecken; bara början lästes</translation>
    </message>
    <message>
        <location filename="../app/release/commitmessage.cpp" line="463"/>
        <source>only the first package block is read; a later one was ignored</source>
        <translation>bara det första paketblocket läses; ett senare ignorerades</translation>
    </message>
</context>
<context>
    <name>rc::Main</name>
    <message>
        <location filename="../main/main.cpp" line="178"/>
        <source>Fill the form with an example release.</source>
        <translation>Fyll formuläret med en exempelrelease.</translation>
    </message>
    <message>
        <location filename="../main/main.cpp" line="180"/>
        <source>Save a screenshot of the window to &lt;png&gt; and quit.</source>
        <translation>Spara en skärmbild av fönstret till &lt;png&gt; och avsluta.</translation>
    </message>
    <message>
        <location filename="../main/main.cpp" line="186"/>
        <source>Use the built-in local forge with demo data and tokens; nothing is stored.</source>
        <translation>Använd den inbyggda lokala kodvärden med demodata och demotoken; inget sparas.</translation>
    </message>
    <message>
        <location filename="../main/main.cpp" line="189"/>
        <source>Start with the profile &lt;name&gt; selected.</source>
        <translation>Starta med profilen &lt;name&gt; vald.</translation>
    </message>
    <message>
        <location filename="../main/main.cpp" line="206"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>oväntat argument &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../main/main.cpp" line="233"/>
        <source>Release Console is already running but did not answer; close it (or end its process) and start again.</source>
        <translation>Release Console körs redan men svarade inte; stäng det (eller avsluta dess process) och starta igen.</translation>
    </message>
</context>
<context>
    <name>rc::Patch</name>
    <message>
        <location filename="../app/release/patchgenerator.cpp" line="85"/>
        <source>the path %1 cannot be used in a patch: it must be relative, inside the repository and made of A-Z a-z 0-9 . _ - + @ /</source>
        <translation>sökvägen %1 kan inte användas i en patch: den måste vara relativ, ligga inuti förrådet och bestå av A-Z a-z 0-9 . _ - + @ /</translation>
    </message>
    <message>
        <location filename="../app/release/patchgenerator.cpp" line="89"/>
        <source>the build number is empty; __deployed__ needs it</source>
        <translation>byggnumret är tomt; __deployed__ behöver det</translation>
    </message>
    <message>
        <location filename="../app/release/patchgenerator.cpp" line="91"/>
        <source>the commit id is empty; __deployed__ needs it</source>
        <translation>inchecknings-id:t är tomt; __deployed__ behöver det</translation>
    </message>
    <message>
        <location filename="../app/release/patchgenerator.cpp" line="93"/>
        <source>the version contains %1, which cannot go inside a Python string</source>
        <translation>versionen innehåller %1, som inte kan stå i en Python-sträng</translation>
    </message>
    <message>
        <location filename="../app/release/patchgenerator.cpp" line="349"/>
        <source>%1 is not UTF-8 text, so it cannot be patched</source>
        <translation>%1 är inte UTF-8-text och kan därför inte patchas</translation>
    </message>
    <message>
        <location filename="../app/release/patchgenerator.cpp" line="351"/>
        <source>%1 contains NUL bytes: git treats it as binary</source>
        <translation>%1 innehåller NUL-byte: git behandlar den som binär</translation>
    </message>
</context>
<context>
    <name>rc::PatchLint</name>
    <message>
        <location filename="../app/release/patchlint.cpp" line="29"/>
        <source>the patch is %1 bytes (UTF-8); the workflow input leaves room for at most %2</source>
        <translation>patchen är %1 byte (UTF-8); arbetsflödets indata ger plats för högst %2</translation>
    </message>
    <message>
        <location filename="../app/release/patchlint.cpp" line="31"/>
        <source>the patch is %1 bytes (UTF-8) once encoded for printf; the workflow input leaves room for at most %2</source>
        <translation>patchen är %1 byte (UTF-8) när den kodats för printf; arbetsflödets indata ger plats för högst %2</translation>
    </message>
    <message>
        <location filename="../app/release/patchlint.cpp" line="41"/>
        <source>line %1 holds a NUL character, which no workflow input can carry to the runner</source>
        <translation>rad %1 innehåller ett NUL-tecken, som inga indata i ett arbetsflöde kan föra fram till köraren</translation>
    </message>
</context>
<context>
    <name>rc::Payload</name>
    <message>
        <location filename="../app/release/payload.cpp" line="52"/>
        <source>the ref to run the workflow on is empty</source>
        <translation>ref:en som arbetsflödet ska köras på är tom</translation>
    </message>
    <message>
        <location filename="../app/release/payload.cpp" line="54"/>
        <source>there are %1 inputs; GitHub accepts at most %2</source>
        <translation>det finns %1 indata; GitHub godtar högst %2</translation>
    </message>
    <message>
        <location filename="../app/release/payload.cpp" line="58"/>
        <source>the inputs are %1 characters; GitHub accepts at most %2</source>
        <translation>indata är %1 tecken; GitHub godtar högst %2</translation>
    </message>
    <message>
        <location filename="../app/release/payload.cpp" line="67"/>
        <source>the event type is empty</source>
        <translation>händelsetypen är tom</translation>
    </message>
    <message>
        <location filename="../app/release/payload.cpp" line="70"/>
        <source>the event type is %1 characters; GitHub accepts at most %2</source>
        <translation>händelsetypen är %1 tecken; GitHub godtar högst %2</translation>
    </message>
    <message>
        <location filename="../app/release/payload.cpp" line="74"/>
        <source>the client_payload has %1 top-level keys; GitHub accepts at most %2</source>
        <translation>client_payload har %1 nycklar på översta nivån; GitHub godtar högst %2</translation>
    </message>
    <message>
        <location filename="../app/release/payload.cpp" line="78"/>
        <source>the client_payload is %1 characters; GitHub accepts at most %2</source>
        <translation>client_payload är %1 tecken; GitHub godtar högst %2</translation>
    </message>
</context>
<context>
    <name>rc::ReleaseCore</name>
    <message>
        <location filename="../app/release/releasecore.cpp" line="28"/>
        <source>the patch needs the package&apos;s __init__.py at the commit</source>
        <translation>patchen kräver paketets __init__.py vid incheckningen</translation>
    </message>
    <message>
        <location filename="../app/release/releasecore.cpp" line="30"/>
        <source>the patch needs a valid build number and commit</source>
        <translation>patchen kräver ett giltigt byggnummer och en giltig incheckning</translation>
    </message>
    <message>
        <location filename="../app/release/releasecore.cpp" line="32"/>
        <source>the patch needs an author</source>
        <translation>patchen kräver en författare</translation>
    </message>
</context>
<context>
    <name>rc::Text</name>
    <message>
        <location filename="../app/release/messagetext.cpp" line="34"/>
        <source>a space</source>
        <translation>ett mellanslag</translation>
    </message>
    <message>
        <location filename="../app/release/messagetext.cpp" line="36"/>
        <source>a tab</source>
        <translation>en tabb</translation>
    </message>
    <message>
        <location filename="../app/release/messagetext.cpp" line="39"/>
        <source>a line break</source>
        <translation>en radbrytning</translation>
    </message>
    <message>
        <location filename="../app/release/messagetext.cpp" line="45"/>
        <source>the character %1</source>
        <translation>tecknet %1</translation>
    </message>
</context>
<context>
    <name>rc::Validation</name>
    <message>
        <location filename="../app/release/validation.cpp" line="113"/>
        <source>a conda version has at most one &apos;!&apos; (the epoch separator)</source>
        <translation>en conda-version har högst ett &apos;!&apos; (epokavgränsaren)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="115"/>
        <source>a conda version has at most one &apos;+&apos; (the local version separator)</source>
        <translation>en conda-version har högst ett &apos;+&apos; (avgränsaren för lokal version)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="119"/>
        <source>&apos;!&apos; and &apos;+&apos; need a part on both sides in a conda version</source>
        <translation>&apos;!&apos; och &apos;+&apos; kräver en del på båda sidor i en conda-version</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="122"/>
        <source>the epoch before &apos;!&apos; must be a whole number, as in 1!2.0</source>
        <translation>epoken före &apos;!&apos; måste vara ett heltal, som i 1!2.0</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="154"/>
        <source>a conda version cannot be empty</source>
        <translation>en conda-version kan inte vara tom</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="157"/>
        <source>conda versions cannot contain &apos;-&apos;</source>
        <translation>conda-versioner kan inte innehålla &apos;-&apos;</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="158"/>
        <source>%1 is not allowed in a conda version (use 0-9 a-z . _ + ! *)</source>
        <translation>%1 är inte tillåtet i en conda-version (använd 0-9 a-z . _ + ! *)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="162"/>
        <source>a conda version cannot start with &apos;.&apos;</source>
        <translation>en conda-version kan inte börja med &apos;.&apos;</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="164"/>
        <source>a conda version cannot end with &apos;.&apos;</source>
        <translation>en conda-version kan inte sluta med &apos;.&apos;</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="166"/>
        <source>a conda version cannot have two dots in a row</source>
        <translation>en conda-version kan inte ha två punkter i rad</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="173"/>
        <source>a build number cannot be empty</source>
        <translation>ett byggnummer kan inte vara tomt</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="175"/>
        <source>a build number cannot be negative</source>
        <translation>ett byggnummer kan inte vara negativt</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="177"/>
        <source>%1 is not allowed in a build number (use the digits 0-9)</source>
        <translation>%1 är inte tillåtet i ett byggnummer (använd siffrorna 0-9)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="182"/>
        <source>a build number cannot start with 0: conda would read &apos;%1&apos; as %2</source>
        <translation>ett byggnummer kan inte börja med 0: conda skulle läsa &apos;%1&apos; som %2</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="189"/>
        <source>a channel cannot be empty</source>
        <translation>en kanal kan inte vara tom</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="190"/>
        <source>%1 is not allowed in a channel name (use A-Z a-z 0-9 . _ -)</source>
        <translation>%1 är inte tillåtet i ett kanalnamn (använd A-Z a-z 0-9 . _ -)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="195"/>
        <source>a label cannot be empty</source>
        <translation>en etikett kan inte vara tom</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="196"/>
        <source>%1 is not allowed in a label (use A-Z a-z 0-9 . _ -)</source>
        <translation>%1 är inte tillåtet i en etikett (använd A-Z a-z 0-9 . _ -)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="201"/>
        <source>a recipe name cannot be empty</source>
        <translation>ett receptnamn kan inte vara tomt</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="202"/>
        <source>%1 is not allowed in a recipe name (use a-z 0-9 . _ -)</source>
        <translation>%1 är inte tillåtet i ett receptnamn (använd a-z 0-9 . _ -)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="208"/>
        <source>a SHA-256 checksum cannot be empty</source>
        <translation>en SHA-256-kontrollsumma kan inte vara tom</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="210"/>
        <source>%1 is not a hexadecimal digit (a SHA-256 checksum is 64 of 0-9 a-f)</source>
        <translation>%1 är inte en hexadecimal siffra (en SHA-256-kontrollsumma består av 64 tecken 0-9 a-f)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="213"/>
        <source>a SHA-256 checksum has 64 hexadecimal digits, this one has %1</source>
        <translation>en SHA-256-kontrollsumma har 64 hexadecimala siffror, den här har %1</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="221"/>
        <source>a commit id cannot be empty</source>
        <translation>ett inchecknings-id kan inte vara tomt</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="223"/>
        <source>%1 is not a hexadecimal digit (a commit id is made of 0-9 a-f)</source>
        <translation>%1 är inte en hexadecimal siffra (ett inchecknings-id består av 0-9 a-f)</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="226"/>
        <source>a full commit id has 40 (or, in SHA-256 repositories, 64) hexadecimal digits, this one has %1</source>
        <translation>ett fullständigt inchecknings-id har 40 (eller, i SHA-256-förråd, 64) hexadecimala siffror, det här har %1</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="236"/>
        <source>a URL cannot be empty</source>
        <translation>en URL kan inte vara tom</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="238"/>
        <source>a URL cannot contain %1</source>
        <translation>en URL kan inte innehålla %1</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="241"/>
        <source>this is not a valid URL</source>
        <translation>det här är inte en giltig URL</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="243"/>
        <source>the URL must start with https://</source>
        <translation>URL:en måste börja med https://</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="245"/>
        <source>the URL must use https, not %1</source>
        <translation>URL:en måste använda https, inte %1</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="247"/>
        <source>the URL has no host</source>
        <translation>URL:en har ingen värd</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="250"/>
        <source>the URL must not hold a user name or password: the run&apos;s inputs are visible to everyone who can see the recipes repository&apos;s Actions</source>
        <translation>URL:en får inte innehålla ett användarnamn eller lösenord: körningens indata syns för alla som kan se receptförrådets Actions</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="254"/>
        <source>plain http is allowed only to this computer (localhost, 127.x.x.x, ::1); use https for %1</source>
        <translation>okrypterad http är bara tillåten till den här datorn (localhost, 127.x.x.x, ::1); använd https för %1</translation>
    </message>
    <message>
        <location filename="../app/release/validation.cpp" line="276"/>
        <source>the patch cannot be empty</source>
        <translation>patchen kan inte vara tom</translation>
    </message>
</context>
<context>
    <name>rc::cli</name>
    <message>
        <location filename="../app/cli/cli.cpp" line="49"/>
        <source>List, show, add, edit and remove profiles</source>
        <translation>Lista, visa, lägg till, redigera och ta bort profiler</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="51"/>
        <source>List the branch&apos;s commits with pipeline status</source>
        <translation>Lista grenens incheckningar med pipelinestatus</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="53"/>
        <source>Find a commit&apos;s tarball and its SHA-256</source>
        <translation>Hitta en inchecknings tarball och dess SHA-256</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="55"/>
        <source>Prepare a release and run every check</source>
        <translation>Förbered en release och kör alla kontroller</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="57"/>
        <source>Prepare, check and send a release, at most once</source>
        <translation>Förbered, kontrollera och skicka en release, högst en gång</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="59"/>
        <source>Follow a run live to its true per-platform outcome</source>
        <translation>Följ en körning live fram till dess verkliga utfall per plattform</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="62"/>
        <source>Recent runs of the workflow with their true outcomes</source>
        <translation>Arbetsflödets senaste körningar med deras verkliga utfall</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="64"/>
        <source>List, show and export the release history</source>
        <translation>Lista, visa och exportera releasehistoriken</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="66"/>
        <source>Print the exact dispatch JSON for a release</source>
        <translation>Skriv ut exakt den JSON som skickas för en release</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="69"/>
        <source>Store, check and remove the GitHub and GitLab tokens</source>
        <translation>Spara, kontrollera och ta bort GitHub- och GitLab-token</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="71"/>
        <source>Run the local forge simulator: sandbox serve</source>
        <translation>Kör den lokala kodvärdssimulatorn: sandbox serve</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="74"/>
        <source>Export a deploy workflow and recipe for a new recipes repo</source>
        <translation>Exportera ett driftsättningsarbetsflöde och recept för ett nytt receptrepo</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="131"/>
        <source>Usage: %1 %2</source>
        <translation>Användning: %1 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="137"/>
        <source>Usage: %1 [command] [options]

Without a command, opens the Release Console window.

Commands:
</source>
        <translation>Användning: %1 [kommando] [flaggor]

Utan kommando öppnas fönstret Release Console.

Kommandon:
</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="145"/>
        <source>
Options:
  --sandbox      Run against the built-in local forge: a demo profile &apos;sandbox&apos;, demo tokens,
                 nothing stored (put it before the command; alone, it opens the window)
  -h, --help     Show this help; &apos;%1 &lt;command&gt; --help&apos; for a command
  -v, --version  Show the version
</source>
        <translation>
Flaggor:
  --sandbox      Kör mot den inbyggda lokala kodvärden: en demoprofil &apos;sandbox&apos;, demotoken,
                 inget sparas (ange den före kommandot; ensam öppnar den fönstret)
  -h, --help     Visa den här hjälpen; &apos;%1 &lt;kommando&gt; --help&apos; för ett kommando
  -v, --version  Visa versionen
</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="181"/>
        <source>error: unknown command &apos;%1&apos;; see &apos;%2 --help&apos;
</source>
        <translation>fel: okänt kommando &apos;%1&apos;; se &apos;%2 --help&apos;
</translation>
    </message>
</context>
<context>
    <name>rc::cli::KitCommand</name>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="32"/>
        <source>Writes a starting point for a new recipes repo: the deploy workflow (the 8 inputs of the release contract plus an optional dispatch_id, a run title carrying them, failed builds failing their job, the patch read from an environment variable, queued runs), a recipe template and a README.
Existing files are never replaced without --force.</source>
        <translation>Skriver en startpunkt för ett nytt receptrepo: driftsättningsarbetsflödet (de 8 indata i releasekontraktet plus ett valfritt dispatch_id, en körningstitel som bär dem, misslyckade byggen som får sitt jobb att misslyckas, patchen läst från en miljövariabel, köade körningar), en receptmall och en README.
Befintliga filer ersätts aldrig utan --force.</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="39"/>
        <source>conda-build (recipe meta.yaml, default) or rattler-build (recipe.yaml)</source>
        <translation>conda-build (recept meta.yaml, standard) eller rattler-build (recipe.yaml)</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="44"/>
        <source>name of the recipe folder under recipes/ (default %1)</source>
        <translation>namnet på receptmappen under recipes/ (standard %1)</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="46"/>
        <source>replace the kit&apos;s files if they exist</source>
        <translation>ersätt paketets filer om de finns</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="47"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="49"/>
        <source>write the kit</source>
        <translation>skriva paketet</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="50"/>
        <source>folder of the new recipes repo</source>
        <translation>mapp för det nya receptrepot</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="53"/>
        <location filename="../app/cli/kitcommand.cpp" line="79"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="62"/>
        <source>error: expected &apos;%1 %2&apos;</source>
        <translation>fel: väntade &apos;%1 %2&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="67"/>
        <source>error: --builder: &apos;%1&apos; is not one of %2</source>
        <translation>fel: --builder: &apos;%1&apos; är inte ett av %2</translation>
    </message>
    <message>
        <location filename="../app/cli/kitcommand.cpp" line="81"/>
        <source>hint: --force replaces the kit&apos;s files</source>
        <translation>tips: --force ersätter paketets filer</translation>
    </message>
</context>
<context>
    <name>rc::cli::LedgerCommand</name>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="74"/>
        <source>%1/%2 ok</source>
        <translation>%1/%2 ok</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="87"/>
        <source>run %1 (attempt %2)</source>
        <translation>körning %1 (försök %2)</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="88"/>
        <source>run %1</source>
        <translation>körning %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="106"/>
        <source>Entry</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="107"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="108"/>
        <source>Recipe</source>
        <translation>Recept</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="109"/>
        <source>Commit</source>
        <translation>Incheckning</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="110"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="111"/>
        <source>Build</source>
        <translation>Bygge</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="112"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="113"/>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="114"/>
        <source>Tarball URL</source>
        <translation>Tarball-URL</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="115"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="116"/>
        <source>Install</source>
        <translation>Installera</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="117"/>
        <source>State</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="118"/>
        <source>State detail</source>
        <translation>Tillståndsdetalj</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="119"/>
        <source>Endpoint</source>
        <translation>Slutpunkt</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="120"/>
        <source>Run</source>
        <translation>Körning</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="121"/>
        <source>Run URL</source>
        <translation>Körningens URL</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="122"/>
        <source>Run attempt</source>
        <translation>Körningsförsök</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="123"/>
        <source>Run conclusion</source>
        <translation>Körningens slutsats</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="124"/>
        <source>Run completed</source>
        <translation>Körningen är klar</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="125"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="126"/>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="127"/>
        <source>Server date</source>
        <translation>Serverns datum</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="128"/>
        <source>Updated</source>
        <translation>Uppdaterad</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="131"/>
        <source>Platforms</source>
        <translation>Plattformar</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="133"/>
        <source>Platforms:</source>
        <translation>Plattformar:</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="135"/>
        <source>job %1</source>
        <translation>jobb %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="138"/>
        <source>attempt %1</source>
        <translation>försök %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="143"/>
        <source>outcome %1</source>
        <translation>utfall %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="156"/>
        <source>Body (%1 bytes, sha256 %2):</source>
        <translation>Innehåll (%1 byte, sha256 %2):</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="179"/>
        <source>Shows and exports the release history: every dispatch with its inputs, run, per-platform outcomes and install line.

  list              the newest releases (default)
  show ID           one release: every field, its platforms, the exact body
  export            every release as JSON or CSV (the CSV has the body&apos;s sha256 and size, not the body)</source>
        <translation>Visar och exporterar releasehistoriken: varje utskick med dess indata, körning, utfall per plattform och installationsrad.

  list              de senaste releaserna (standard)
  show ID           en release: alla fält, dess plattformar, exakt innehåll
  export            alla releaser som JSON eller CSV (CSV-filen har innehållets sha256 och storlek, inte innehållet)</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="185"/>
        <source>only the releases of this profile</source>
        <translation>bara releaserna för den här profilen</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="189"/>
        <source>at most this many, newest first (list: default %1)</source>
        <translation>högst så här många, nyaste först (list: standard %1)</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="191"/>
        <source>print JSON (list, show)</source>
        <translation>skriv ut JSON (list, show)</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="192"/>
        <source>export format: json or csv</source>
        <translation>exportformat: json eller csv</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="195"/>
        <source>write the export to this file (default: standard output)</source>
        <translation>skriv exporten till den här filen (standard: standard ut)</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="197"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="200"/>
        <location filename="../app/cli/ledgercommand.cpp" line="211"/>
        <location filename="../app/cli/ledgercommand.cpp" line="267"/>
        <location filename="../app/cli/ledgercommand.cpp" line="274"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="205"/>
        <source>list|show|export [ID] [options]</source>
        <translation>list|show|export [ID] [flaggor]</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="215"/>
        <source>--%1 does not go with &apos;%2&apos;</source>
        <translation>--%1 går inte ihop med &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="223"/>
        <source>unknown action &apos;%1&apos;: list, show or export</source>
        <translation>okänd åtgärd &apos;%1&apos;: list, show eller export</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="239"/>
        <source>&apos;show&apos; takes one entry id (a positive number)</source>
        <translation>&apos;show&apos; tar ett post-id (ett positivt tal)</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="241"/>
        <source>&apos;%1&apos; takes no argument</source>
        <translation>&apos;%1&apos; tar inget argument</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="247"/>
        <source>limit: give a number from 1 to %1</source>
        <translation>limit: ange ett tal från 1 till %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="253"/>
        <source>format: &apos;%1&apos; is not json or csv</source>
        <translation>format: &apos;%1&apos; är inte json eller csv</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="255"/>
        <source>&apos;export&apos; needs --format json or --format csv</source>
        <translation>&apos;export&apos; kräver --format json eller --format csv</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="257"/>
        <source>output: give a file name</source>
        <translation>output: ange ett filnamn</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="260"/>
        <source>profile: give a profile name</source>
        <translation>profile: ange ett profilnamn</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="285"/>
        <source>the release ledger has no entry %1</source>
        <translation>releaseliggaren har ingen post %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="309"/>
        <source>No releases recorded yet.</source>
        <translation>Inga releaser registrerade än.</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="310"/>
        <source>No releases recorded for profile &apos;%1&apos;.</source>
        <translation>Inga releaser registrerade för profilen &apos;%1&apos;.</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="328"/>
        <source>error: cannot write %1: %2</source>
        <translation>fel: kan inte skriva %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/ledgercommand.cpp" line="333"/>
        <source>Exported the release history (entries: %1) to %2.</source>
        <translation>Releasehistoriken (poster: %1) exporterades till %2.</translation>
    </message>
</context>
<context>
    <name>rc::cli::PayloadCommand</name>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="29"/>
        <source>conda recipe folder name, e.g. veloxchem</source>
        <translation>namn på conda-receptmappen, t.ex. veloxchem</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="31"/>
        <source>conda package version, e.g. 1.0rc4</source>
        <translation>conda-paketversion, t.ex. 1.0rc4</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="33"/>
        <source>build number, a non-negative integer</source>
        <translation>byggnummer, ett icke-negativt heltal</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="35"/>
        <source>anaconda.org channel</source>
        <translation>anaconda.org-kanal</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="36"/>
        <source>anaconda.org label, e.g. dev or main</source>
        <translation>anaconda.org-etikett, t.ex. dev eller main</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="38"/>
        <source>tarball URL the runner downloads</source>
        <translation>tarball-URL som köraren hämtar</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="39"/>
        <source>SHA-256 of the tarball, 64 hex digits</source>
        <translation>Tarball-filens SHA-256, 64 hexadecimala siffror</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="43"/>
        <source>read version/build/channel/label from a [conda-build] commit message; explicit options win</source>
        <translation>läs version/bygge/kanal/etikett från ett [conda-build]-incheckningsmeddelande; uttryckliga flaggor vinner</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="48"/>
        <source>the package&apos;s __init__.py at the commit; the patch is generated from it</source>
        <translation>paketets __init__.py vid incheckningen; patchen genereras från den</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="52"/>
        <source>path of __init__.py in the repository (default src/pymodule/__init__.py)</source>
        <translation>sökväg till __init__.py i förrådet (standard src/pymodule/__init__.py)</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="55"/>
        <source>use this prepared patch instead of --init-file</source>
        <translation>använd den här förberedda patchen i stället för --init-file</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="56"/>
        <source>commit sha recorded in the patch</source>
        <translation>inchecknings-sha som registreras i patchen</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="57"/>
        <source>author recorded in the patch</source>
        <translation>författare som registreras i patchen</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="59"/>
        <source>deployment timestamp recorded in the patch (default: now, UTC)</source>
        <translation>tidsstämpel för driftsättningen som registreras i patchen (standard: nu, UTC)</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="61"/>
        <source>workflow (default) or repository dispatch</source>
        <translation>arbetsflödesutskick (standard) eller repository dispatch</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="64"/>
        <source>git ref of the recipes repo to run the workflow on (default main)</source>
        <translation>git-ref i receptrepot som arbetsflödet ska köras på (standard main)</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="67"/>
        <source>repository dispatch event type (default conda-build)</source>
        <translation>händelsetyp för repository dispatch (standard conda-build)</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="71"/>
        <source>how the workflow writes the patch: printf (the seed&apos;s printf &apos;&lt;patch&gt;&apos;, default) or raw (taken from an environment variable)</source>
        <translation>hur arbetsflödet skriver patchen: printf (fröets printf &apos;&lt;patch&gt;&apos;, standard) eller raw (hämtad från en miljövariabel)</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="75"/>
        <source>print the exact compact body instead of indented JSON</source>
        <translation>skriv ut exakt det kompakta innehållet i stället för indragen JSON</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="76"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="93"/>
        <location filename="../app/cli/payloadcommand.cpp" line="103"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>kan inte läsa &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="115"/>
        <source>Validates a release and prints the JSON body that would be sent to GitHub.
Nothing is sent. Exit code 2 and one line per problem when the input is invalid.</source>
        <translation>Validerar en release och skriver ut det JSON-innehåll som skulle skickas till GitHub.
Inget skickas. Avslutningskod 2 och en rad per problem när indata är ogiltiga.</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="121"/>
        <location filename="../app/cli/payloadcommand.cpp" line="227"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="125"/>
        <source>[options]</source>
        <translation>[flaggor]</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="129"/>
        <source>error: unexpected argument &apos;%1&apos;</source>
        <translation>fel: oväntat argument &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="147"/>
        <source>commit message: %1</source>
        <translation>incheckningsmeddelande: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="167"/>
        <source>kind: &apos;%1&apos; is not &apos;workflow&apos; or &apos;repository&apos;</source>
        <translation>kind: &apos;%1&apos; är inte &apos;workflow&apos; eller &apos;repository&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="173"/>
        <source>patch-encoding: &apos;%1&apos; is not &apos;printf&apos; or &apos;raw&apos;</source>
        <translation>patch-encoding: &apos;%1&apos; är inte &apos;printf&apos; eller &apos;raw&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="178"/>
        <source>patch: give either --init-file or --patch-file, not both</source>
        <translation>patch: ange antingen --init-file eller --patch-file, inte båda</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="191"/>
        <source>author: --author is required with --init-file</source>
        <translation>author: --author krävs med --init-file</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="195"/>
        <source>commit: %1</source>
        <translation>incheckning: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="199"/>
        <source>patch: give --init-file (with --commit and --author) or --patch-file</source>
        <translation>patch: ange --init-file (med --commit och --author) eller --patch-file</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="215"/>
        <location filename="../app/cli/payloadcommand.cpp" line="217"/>
        <source>patch: %1</source>
        <translation>patch: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="220"/>
        <source>payload: %1</source>
        <translation>payload: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/payloadcommand.cpp" line="224"/>
        <source>warning: %1</source>
        <translation>varning: %1</translation>
    </message>
</context>
<context>
    <name>rc::cli::ProfilesCommand</name>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="33"/>
        <source>GitLab instance, e.g. https://gitlab.com</source>
        <translation>GitLab-instans, t.ex. https://gitlab.com</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="35"/>
        <source>GitLab project path (group/project) or id</source>
        <translation>Sökväg till GitLab-projektet (grupp/projekt) eller id</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="37"/>
        <source>branch whose commits are released</source>
        <translation>gren vars incheckningar släpps</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="39"/>
        <source>GitHub API, https://api.github.com or https://HOST/api/v3</source>
        <translation>GitHub-API, https://api.github.com eller https://VÄRD/api/v3</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="41"/>
        <source>recipes repository, owner/name</source>
        <translation>receptförråd, ägare/namn</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="43"/>
        <source>workflow file name, e.g. deploy-cxx.yml</source>
        <translation>arbetsflödets filnamn, t.ex. deploy-cxx.yml</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="45"/>
        <source>recipes repo branch the workflow runs on</source>
        <translation>gren i receptrepot som arbetsflödet körs på</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="47"/>
        <source>workflow or repository (dispatch kind)</source>
        <translation>workflow eller repository (typ av utskick)</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="49"/>
        <source>repository dispatch event type</source>
        <translation>händelsetyp för repository dispatch</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="51"/>
        <source>conda recipe folder name</source>
        <translation>namn på conda-receptmappen</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="53"/>
        <source>path of __init__.py in the GitLab project</source>
        <translation>sökväg till __init__.py i GitLab-projektet</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="55"/>
        <source>job-artifact or archive</source>
        <translation>job-artifact eller archive</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="57"/>
        <source>CI job that makes the tarball</source>
        <translation>CI-jobb som skapar tarball-filen</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="59"/>
        <source>artifact path in that job (default &lt;recipe&gt;.tar.bz2)</source>
        <translation>artefaktsökväg i det jobbet (standard &lt;recipe&gt;.tar.bz2)</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="61"/>
        <source>default anaconda.org channel</source>
        <translation>standardkanal på anaconda.org</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="63"/>
        <source>default anaconda.org label</source>
        <translation>standardetikett på anaconda.org</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="65"/>
        <source>anaconda.org API</source>
        <translation>anaconda.org-API</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="67"/>
        <source>printf (the seed&apos;s printf &apos;&lt;patch&gt;&apos;) or raw (environment variable)</source>
        <translation>printf (fröets printf &apos;&lt;patch&gt;&apos;) eller raw (miljövariabel)</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="69"/>
        <source>workflow input that gets a fresh id per dispatch (kit: dispatch_id)</source>
        <translation>indata till arbetsflödet som får ett nytt id för varje utskick (paket: dispatch_id)</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="71"/>
        <source>PEM file: a self-signed certificate to trust for the GitLab instance</source>
        <translation>PEM-fil: ett självsignerat certifikat att lita på för GitLab-instansen</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="73"/>
        <source>PEM file: a self-signed certificate to trust for the GitHub API host</source>
        <translation>PEM-fil: ett självsignerat certifikat att lita på för GitHubs API-värd</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="84"/>
        <location filename="../app/cli/profilescommand.cpp" line="225"/>
        <source>warning: %1</source>
        <translation>varning: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="94"/>
        <source>Lists, shows, adds, edits and removes release profiles (one per recipe).
Profiles are stored in the settings, never a token.

  list                 every profile
  show NAME            one profile
  add NAME --OPTION…   a new profile (--gitlab-project, --recipes-repo and --recipe at least)
  edit NAME --OPTION…  change some settings
  remove NAME          delete it</source>
        <translation>Listar, visar, lägger till, redigerar och tar bort releaseprofiler (en per recept).
Profiler sparas i inställningarna, aldrig en token.

  list                 alla profiler
  show NAME            en profil
  add NAME --OPTION…   en ny profil (minst --gitlab-project, --recipes-repo och --recipe)
  edit NAME --OPTION…  ändra några inställningar
  remove NAME          ta bort den</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="102"/>
        <source>print JSON</source>
        <translation>skriv ut JSON</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="103"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="117"/>
        <location filename="../app/cli/profilescommand.cpp" line="134"/>
        <location filename="../app/cli/profilescommand.cpp" line="221"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="122"/>
        <source>list|show|add|edit|remove [NAME] [options]</source>
        <translation>list|show|add|edit|remove [NAME] [flaggor]</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="142"/>
        <source>error: &apos;%1&apos; takes one profile name</source>
        <translation>fel: &apos;%1&apos; tar ett profilnamn</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="148"/>
        <source>error: &apos;list&apos; takes no name</source>
        <translation>fel: &apos;list&apos; tar inget namn</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="162"/>
        <source>No profiles yet. Add one with &apos;release-console profiles add NAME --gitlab-project … --recipes-repo … --recipe …&apos;.</source>
        <translation>Inga profiler än. Lägg till en med &apos;release-console profiles add NAME --gitlab-project … --recipes-repo … --recipe …&apos;.</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="178"/>
        <location filename="../app/cli/profilescommand.cpp" line="199"/>
        <location filename="../app/cli/profilescommand.cpp" line="235"/>
        <source>error: no profile named &apos;%1&apos;</source>
        <translation>fel: ingen profil med namnet &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="195"/>
        <source>error: a profile named &apos;%1&apos; exists; use &apos;edit&apos;</source>
        <translation>fel: en profil med namnet &apos;%1&apos; finns; använd &apos;edit&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="210"/>
        <source>%1: &apos;%2&apos; is not one of the accepted values</source>
        <translation>%1: &apos;%2&apos; är inte ett av de godtagna värdena</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="226"/>
        <source>Added profile &apos;%1&apos;.</source>
        <translation>Profilen &apos;%1&apos; lades till.</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="226"/>
        <source>Saved profile &apos;%1&apos;.</source>
        <translation>Profilen &apos;%1&apos; sparades.</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="239"/>
        <source>Removed profile &apos;%1&apos;.</source>
        <translation>Profilen &apos;%1&apos; togs bort.</translation>
    </message>
    <message>
        <location filename="../app/cli/profilescommand.cpp" line="242"/>
        <source>error: unknown action &apos;%1&apos;: list, show, add, edit or remove</source>
        <translation>fel: okänd åtgärd &apos;%1&apos;: list, show, add, edit eller remove</translation>
    </message>
</context>
<context>
    <name>rc::cli::ReleaseCommands</name>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="49"/>
        <source>the release profile (see &apos;profiles list&apos;)</source>
        <translation>releaseprofilen (se &apos;profiles list&apos;)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="51"/>
        <source>the GitLab commit (full or short sha)</source>
        <translation>GitLab-incheckningen (fullständig eller kort sha)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="54"/>
        <source>conda version (default: the commit&apos;s [conda-build] message)</source>
        <translation>conda-version (standard: incheckningens [conda-build]-meddelande)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="58"/>
        <source>build number (default: the message, else the next free one on anaconda.org)</source>
        <translation>byggnummer (standard: meddelandets, annars nästa lediga på anaconda.org)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="62"/>
        <source>anaconda.org channel (default: the message, else the profile&apos;s)</source>
        <translation>anaconda.org-kanal (standard: meddelandets, annars profilens)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="66"/>
        <source>anaconda.org label (default: the message, else the profile&apos;s)</source>
        <translation>anaconda.org-etikett (standard: meddelandets, annars profilens)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="70"/>
        <source>author recorded in __deployed__ (default: the commit&apos;s)</source>
        <translation>författare som registreras i __deployed__ (standard: incheckningens)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="73"/>
        <source>printf or raw (default: the profile&apos;s)</source>
        <translation>printf eller raw (standard: profilens)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="74"/>
        <source>print JSON</source>
        <translation>skriv ut JSON</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="75"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="84"/>
        <location filename="../app/cli/releasecommands.cpp" line="243"/>
        <location filename="../app/cli/releasecommands.cpp" line="249"/>
        <location filename="../app/cli/releasecommands.cpp" line="289"/>
        <location filename="../app/cli/releasecommands.cpp" line="416"/>
        <location filename="../app/cli/releasecommands.cpp" line="467"/>
        <location filename="../app/cli/releasecommands.cpp" line="488"/>
        <location filename="../app/cli/releasecommands.cpp" line="506"/>
        <location filename="../app/cli/releasecommands.cpp" line="510"/>
        <location filename="../app/cli/releasecommands.cpp" line="537"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="94"/>
        <source>error: unexpected argument &apos;%1&apos;</source>
        <translation>fel: oväntat argument &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="141"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="143"/>
        <source>warning</source>
        <translation>varning</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="145"/>
        <source>FAILED</source>
        <translation>MISSLYCKADES</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="147"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="165"/>
        <source>Release %1 %2 build %3 to %4/label/%5</source>
        <translation>Release av %1 %2 bygge %3 till %4/label/%5</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="168"/>
        <source>Commit  %1 %2</source>
        <translation>Incheckning %1 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="170"/>
        <source>Tarball %1</source>
        <translation>Tarball     %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="171"/>
        <source>sha256  %1</source>
        <translation>sha256      %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="172"/>
        <source>Patch   %1 bytes, %2 encoding</source>
        <translation>Patch       %1 byte, kodning %2</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="197"/>
        <source>patch-encoding: &apos;%1&apos; is not &apos;printf&apos; or &apos;raw&apos;</source>
        <translation>patch-encoding: &apos;%1&apos; är inte &apos;printf&apos; eller &apos;raw&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="209"/>
        <source>commit: --commit is required</source>
        <translation>commit: --commit krävs</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="211"/>
        <source>commit: &apos;%1&apos; is not a commit sha (7 to 64 hexadecimal digits)</source>
        <translation>commit: &apos;%1&apos; är inte en inchecknings-sha (7 till 64 hexadecimala siffror)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="239"/>
        <source>error: cancelled</source>
        <translation>fel: avbrutet</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="306"/>
        <location filename="../app/cli/releasecommands.cpp" line="534"/>
        <source>warning: %1</source>
        <translation>varning: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="336"/>
        <source>Checks:</source>
        <translation>Kontroller:</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="339"/>
        <source>  blocked  %1</source>
        <translation>  blockerad %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="356"/>
        <source>Send %1 %2 build %3 to %4 now? [y/N] </source>
        <translation>Skicka %1 %2 bygge %3 till %4 nu? [y/N] </translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="371"/>
        <source>how many commits (default 20, at most %1)</source>
        <translation>hur många incheckningar (standard 20, högst %1)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="375"/>
        <source>Lists the profile&apos;s branch commits, newest first, with their GitLab pipeline status. A red or running pipeline is flagged.</source>
        <translation>Listar profilgrenens incheckningar, nyaste först, med deras pipelinestatus i GitLab. En röd eller pågående pipeline flaggas.</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="379"/>
        <source>[--profile P] [options]</source>
        <translation>[--profile P] [flaggor]</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="385"/>
        <source>error: limit: give a number from 1 to %1</source>
        <translation>fel: limit: ange ett tal från 1 till %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="439"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="457"/>
        <source>Finds the commit&apos;s tarball (its pipeline&apos;s job artifact, by job id), downloads it with the GitLab token and prints its SHA-256 and top-level folder.
Exit code 3 when the tarball is missing or unpacks into the wrong folder.</source>
        <translation>Hittar incheckningens tarball (dess pipelines jobbartefakt, efter jobb-id), hämtar den med GitLab-token och skriver ut dess SHA-256 och översta mapp.
Avslutningskod 3 när tarball-filen saknas eller packas upp i fel mapp.</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="462"/>
        <location filename="../app/cli/releasecommands.cpp" line="557"/>
        <location filename="../app/cli/releasecommands.cpp" line="598"/>
        <source>--commit SHA [options]</source>
        <translation>--commit SHA [flaggor]</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="520"/>
        <source>url         %1</source>
        <translation>url         %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="521"/>
        <source>sha256      %1</source>
        <translation>sha256      %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="522"/>
        <source>bytes       %1</source>
        <translation>byte        %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="523"/>
        <source>top folder  %1 (%2, %3 entries%4)</source>
        <translation>toppmapp    %1 (%2, %3 poster%4)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="526"/>
        <source>, first part</source>
        <translation>, första delen</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="528"/>
        <source>pipeline    #%1 (%2), job #%3</source>
        <translation>pipeline    #%1 (%2), jobb #%3</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="549"/>
        <source>Prepares the release of a commit (checksum, patch) and runs every check before a dispatch. Nothing is sent.
Exit code 0 when nothing failed (warnings allowed), 3 when a check failed, 4 on a network or authentication failure.</source>
        <translation>Förbereder releasen av en incheckning (kontrollsumma, patch) och kör alla kontroller före ett utskick. Inget skickas.
Avslutningskod 0 när inget misslyckades (varningar tillåtna), 3 när en kontroll misslyckades, 4 vid ett nätverks- eller autentiseringsfel.</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="575"/>
        <source>send without asking (scripts)</source>
        <translation>skicka utan att fråga (skript)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="578"/>
        <source>once sent, follow the run to its true per-platform outcome (exit code as &apos;watch&apos;)</source>
        <translation>följ körningen efter utskicket fram till dess verkliga utfall per plattform (avslutningskod som &apos;watch&apos;)</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="581"/>
        <source>with --yes: send a release that was dispatched from here before</source>
        <translation>med --yes: skicka en release som har skickats härifrån tidigare</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="584"/>
        <source>with --yes: send even though the workflow cancels a run in progress</source>
        <translation>med --yes: skicka trots att arbetsflödet avbryter en pågående körning</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="586"/>
        <source>do everything but send; print the exact body</source>
        <translation>gör allt utom att skicka; skriv ut exakt innehåll</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="589"/>
        <source>Prepares, checks and sends the release of a commit to the recipes repo&apos;s workflow, at most once.
Exit codes: 0 sent, 2 invalid input, 3 a check failed (nothing sent), 4 network or authentication failure, 5 sent but the outcome is unknown (look before sending again).</source>
        <translation>Förbereder, kontrollerar och skickar releasen av en incheckning till receptrepots arbetsflöde, högst en gång.
Avslutningskoder: 0 skickat, 2 ogiltig indata, 3 en kontroll misslyckades (inget skickat), 4 nätverks- eller autentiseringsfel, 5 skickat men utfallet är okänt (titta innan du skickar igen).</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="603"/>
        <source>error: not a terminal: pass --yes to send, or --dry-run</source>
        <translation>fel: inte en terminal: ange --yes för att skicka, eller --dry-run</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="621"/>
        <source>error: a check failed; nothing was sent</source>
        <translation>fel: en kontroll misslyckades; inget skickades</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="626"/>
        <source>error: this release was dispatched before (see &apos;Same release before&apos;); pass --resend to send it again, or use another build number</source>
        <translation>fel: den här releasen har skickats tidigare (se &apos;Samma release tidigare&apos;); ange --resend för att skicka den igen, eller använd ett annat byggnummer</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="632"/>
        <source>error: run #%1 is in progress and this dispatch would cancel it; pass --cancel-running to send anyway</source>
        <translation>fel: körning #%1 pågår och detta utskick skulle avbryta den; ange --cancel-running för att skicka ändå</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="639"/>
        <source>Not sent.</source>
        <translation>Inte skickat.</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="680"/>
        <source>Run:     %1</source>
        <translation>Körning:    %1</translation>
    </message>
    <message>
        <location filename="../app/cli/releasecommands.cpp" line="682"/>
        <source>Install: %1</source>
        <translation>Installera: %1</translation>
    </message>
</context>
<context>
    <name>rc::cli::SandboxCommand</name>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="45"/>
        <source>Release Console sandbox: a local GitHub, GitLab and anaconda.org.</source>
        <translation>Release Console-sandlåda: ett lokalt GitHub, GitLab och anaconda.org.</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="46"/>
        <source>GitHub API:</source>
        <translation>GitHub-API:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="47"/>
        <source>GitHub Enterprise API:</source>
        <translation>GitHub Enterprise-API:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="48"/>
        <source>GitLab:</source>
        <translation>GitLab:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="51"/>
        <source>anaconda.org API:</source>
        <translation>anaconda.org-API:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="52"/>
        <source>Other host (blobs):</source>
        <translation>Annan värd (blobbar):</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="53"/>
        <source>GitHub token (classic):</source>
        <translation>GitHub-token (klassisk):</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="55"/>
        <source>GitHub token (fine-grained):</source>
        <translation>GitHub-token (finkornig):</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="57"/>
        <source>GitLab token:</source>
        <translation>GitLab-token:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="58"/>
        <source>Recipes repository:</source>
        <translation>Receptförråd:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="61"/>
        <source>GitLab project:</source>
        <translation>GitLab-projekt:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="62"/>
        <source>Speed:</source>
        <translation>Hastighet:</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="62"/>
        <source>%1 virtual seconds per second</source>
        <translation>%1 virtuella sekunder per sekund</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="63"/>
        <source>Press Ctrl+C to stop.</source>
        <translation>Tryck Ctrl+C för att stoppa.</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="72"/>
        <source>Run the local forge simulator (sandbox).</source>
        <translation>Kör den lokala kodvärdssimulatorn (sandlåda).</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="74"/>
        <source>TCP port on 127.0.0.1 (default: any free port)</source>
        <translation>TCP-port på 127.0.0.1 (standard: valfri ledig port)</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="76"/>
        <source>virtual seconds per real second for workflow runs (default 10)</source>
        <translation>virtuella sekunder per verklig sekund för arbetsflödeskörningar (standard 10)</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="78"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="80"/>
        <source>serve until interrupted</source>
        <translation>betjäna tills det avbryts</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="92"/>
        <source>error: expected &apos;%1 serve [--port N] [--speed X]&apos;</source>
        <translation>fel: väntade &apos;%1 serve [--port N] [--speed X]&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="98"/>
        <source>error: --port must be a number from 0 to 65535</source>
        <translation>fel: --port måste vara ett tal från 0 till 65535</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="104"/>
        <source>error: --speed must be a positive number</source>
        <translation>fel: --speed måste vara ett positivt tal</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="111"/>
        <source>error: cannot listen: %1</source>
        <translation>fel: kan inte lyssna: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="131"/>
        <source>Sandbox stopped.</source>
        <translation>Sandlådan stoppades.</translation>
    </message>
</context>
<context>
    <name>rc::cli::Session</name>
    <message>
        <location filename="../app/cli/clisupport.cpp" line="74"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/clisupport.cpp" line="87"/>
        <source>error: no profile yet: create one with &apos;release-console profiles add&apos;, or try &apos;--sandbox&apos;</source>
        <translation>fel: ingen profil än: skapa en med &apos;release-console profiles add&apos;, eller prova &apos;--sandbox&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/clisupport.cpp" line="89"/>
        <source>error: say which profile with --profile (%1)</source>
        <translation>fel: ange vilken profil med --profile (%1)</translation>
    </message>
    <message>
        <location filename="../app/cli/clisupport.cpp" line="98"/>
        <source>error: no profile named &apos;%1&apos;; see &apos;release-console profiles list&apos;</source>
        <translation>fel: ingen profil med namnet &apos;%1&apos;; se &apos;release-console profiles list&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/clisupport.cpp" line="108"/>
        <source>error: profile &apos;%1&apos;: %2: %3</source>
        <translation>fel: profil &apos;%1&apos;: %2: %3</translation>
    </message>
    <message>
        <location filename="../app/cli/clisupport.cpp" line="126"/>
        <source>warning: token %1</source>
        <translation>varning: token %1</translation>
    </message>
</context>
<context>
    <name>rc::cli::TokensCommand</name>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="46"/>
        <source>github or gitlab</source>
        <translation>github eller gitlab</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="48"/>
        <source>API host, e.g. ghe.example.org or gitlab.example.org (default: api.github.com / gitlab.com)</source>
        <translation>API-värd, t.ex. ghe.example.org eller gitlab.example.org (standard: api.github.com / gitlab.com)</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="51"/>
        <source>print JSON</source>
        <translation>skriv ut JSON</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="53"/>
        <source>seconds to wait for the keychain, 1 to 10 (default 10)</source>
        <translation>sekunder att vänta på nyckelringen, 1 till 10 (standard 10)</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="55"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="61"/>
        <source>Usage: %1 &lt;action&gt; [options]

Manages the GitHub and GitLab tokens in the OS keychain (service &apos;release-console&apos;).

Actions:
  status [--json]                      the keychain&apos;s state and every stored token
  set --forge F [--host H]             store a token read from standard input
  remove --forge F [--host H]          remove a stored token
  test --forge F [--host H] [--json]   ask the forge what the token can do

Options:
  --forge &lt;forge&gt;     github or gitlab
  --host &lt;host&gt;       API host (default: api.github.com / gitlab.com)
  --timeout &lt;s&gt;       seconds to wait for the keychain, 1 to 10 (default 10)
  --json              print JSON (status, test)
  -h, --help          show this help

A token is never taken from the command line and never printed. Example:
  secret-tool lookup ... | %1 set --forge gitlab --host gitlab.example.org

Exit codes: 0 done; 1 the keychain or forge could not do it; 2 invalid input.
</source>
        <translation>Användning: %1 &lt;åtgärd&gt; [flaggor]

Hanterar GitHub- och GitLab-token i operativsystemets nyckelring (tjänsten &apos;release-console&apos;).

Åtgärder:
  status [--json]                      nyckelringens tillstånd och alla sparade token
  set --forge F [--host H]             spara en token som läses från standard in
  remove --forge F [--host H]          ta bort en sparad token
  test --forge F [--host H] [--json]   fråga kodvärden vad token kan göra

Flaggor:
  --forge &lt;forge&gt;     github eller gitlab
  --host &lt;host&gt;       API-värd (standard: api.github.com / gitlab.com)
  --timeout &lt;s&gt;       sekunder att vänta på nyckelringen, 1 till 10 (standard 10)
  --json              skriv ut JSON (status, test)
  -h, --help          visa den här hjälpen

En token tas aldrig från kommandoraden och skrivs aldrig ut. Exempel:
  secret-tool lookup ... | %1 set --forge gitlab --host gitlab.example.org

Avslutningskoder: 0 klart; 1 nyckelringen eller kodvärden kunde inte göra det; 2 ogiltig indata.
</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="175"/>
        <source>Token (input hidden): </source>
        <translation>Token (dold inmatning): </translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="199"/>
        <source>error: --forge github|gitlab is required</source>
        <translation>fel: --forge github|gitlab krävs</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="205"/>
        <source>error: --forge must be github or gitlab</source>
        <translation>fel: --forge måste vara github eller gitlab</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="210"/>
        <source>error: --host must be a host name or URL, e.g. gitlab.example.org</source>
        <translation>fel: --host måste vara ett värdnamn eller en URL, t.ex. gitlab.example.org</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="217"/>
        <location filename="../app/cli/tokenscommand.cpp" line="380"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="220"/>
        <source>next step: %1</source>
        <translation>nästa steg: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="227"/>
        <source>stored in the keychain</source>
        <translation>sparad i nyckelringen</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="229"/>
        <source>not stored</source>
        <translation>inte sparad</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="231"/>
        <source>unknown: the keyring is locked</source>
        <translation>okänt: nyckelringen är låst</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="235"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="275"/>
        <source>Keychain: %1</source>
        <translation>Nyckelring: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="277"/>
        <source>Keychain: usable (service &apos;%1&apos;)</source>
        <translation>Nyckelring: användbar (tjänst &apos;%1&apos;)</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="290"/>
        <source>error: %1; nothing was stored</source>
        <translation>fel: %1; inget sparades</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="300"/>
        <source>The token was not stored anywhere.</source>
        <translation>Token sparades inte någonstans.</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="303"/>
        <source>Stored the %1 token in the keychain.</source>
        <translation>%1-token sparades i nyckelringen.</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="313"/>
        <source>error: no %1 token is stored; nothing was removed</source>
        <translation>fel: ingen %1-token är sparad; inget togs bort</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="321"/>
        <source>Removed the %1 token from the keychain.</source>
        <translation>%1-token togs bort från nyckelringen.</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="339"/>
        <source>error: could not ask %1: %2</source>
        <translation>fel: kunde inte fråga %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="368"/>
        <source>error: unknown action &apos;%1&apos;; see &apos;%2 --help&apos;</source>
        <translation>fel: okänd åtgärd &apos;%1&apos;; se &apos;%2 --help&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="389"/>
        <source>error: unexpected argument; a token is read from standard input, never from the command line</source>
        <translation>fel: oväntat argument; en token läses från standard in, aldrig från kommandoraden</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="397"/>
        <source>error: --timeout must be a whole number of seconds from 1 to 10</source>
        <translation>fel: --timeout måste vara ett helt antal sekunder från 1 till 10</translation>
    </message>
    <message>
        <location filename="../app/cli/tokenscommand.cpp" line="401"/>
        <source>error: --json applies to status and test only</source>
        <translation>fel: --json gäller bara status och test</translation>
    </message>
</context>
<context>
    <name>rc::cli::WatchCommand</name>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="43"/>
        <source>queued</source>
        <translation>köad</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="46"/>
        <source>running step %1 of %2: %3</source>
        <translation>kör steg %1 av %2: %3</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="50"/>
        <source>running</source>
        <translation>körs</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="52"/>
        <source>success</source>
        <translation>lyckades</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="55"/>
        <source>FAILED (the job says success; its build summary says %1)</source>
        <translation>MISSLYCKADES (jobbet säger success; dess byggsammanfattning säger %1)</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="57"/>
        <source>FAILED</source>
        <translation>MISSLYCKADES</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="59"/>
        <source>cancelled</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="61"/>
        <source>skipped</source>
        <translation>hoppades över</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="156"/>
        <source>connection lost since %1: %2; retrying</source>
        <translation>anslutningen förlorad sedan %1: %2; försöker igen</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="160"/>
        <source>waiting for GitHub to start the run…</source>
        <translation>väntar på att GitHub ska starta körningen…</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="162"/>
        <source>run #%1 (attempt %2) %3%4 — %5</source>
        <translation>körning #%1 (försök %2) %3%4 — %5</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="196"/>
        <source>The run could not be found: %1</source>
        <translation>Körningen kunde inte hittas: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="200"/>
        <source>Watching failed: %1</source>
        <translation>Bevakningen misslyckades: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="205"/>
        <source>Every platform succeeded.</source>
        <translation>Alla plattformar lyckades.</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="209"/>
        <source>The run did not succeed (%1).</source>
        <translation>Körningen lyckades inte (%1).</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="211"/>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="231"/>
        <source>Follows a run of the profile&apos;s workflow live, per platform, until every build has its true outcome (the build summaries, not only the job&apos;s conclusion).
Exit code 0 only when every platform succeeded; 1 when one failed or was cancelled; 4 on a network or authentication failure; 5 when the run cannot be found.</source>
        <translation>Följer en körning av profilens arbetsflöde live, per plattform, tills varje bygge har sitt verkliga utfall (byggsammanfattningarna, inte bara jobbets slutsats).
Avslutningskod 0 bara när alla plattformar lyckades; 1 när en misslyckades eller avbröts; 4 vid ett nätverks- eller autentiseringsfel; 5 när körningen inte kan hittas.</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="236"/>
        <location filename="../app/cli/watchcommand.cpp" line="374"/>
        <source>the release profile</source>
        <translation>releaseprofilen</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="238"/>
        <source>the newest run of the workflow (the default)</source>
        <translation>arbetsflödets senaste körning (standard)</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="240"/>
        <source>the shortest time between polls, seconds (default 3)</source>
        <translation>kortaste tid mellan avfrågningar, sekunder (standard 3)</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="242"/>
        <source>print JSON lines</source>
        <translation>skriv ut JSON-rader</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="243"/>
        <location filename="../app/cli/watchcommand.cpp" line="378"/>
        <source>show this help</source>
        <translation>visa den här hjälpen</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="246"/>
        <location filename="../app/cli/watchcommand.cpp" line="300"/>
        <location filename="../app/cli/watchcommand.cpp" line="381"/>
        <location filename="../app/cli/watchcommand.cpp" line="414"/>
        <source>error: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="250"/>
        <source>[RUN_ID|--last] [options]</source>
        <translation>[RUN_ID|--last] [flaggor]</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="256"/>
        <source>error: give one run id, or --last</source>
        <translation>fel: ange ett körnings-id, eller --last</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="263"/>
        <source>error: &apos;%1&apos; is not a run id</source>
        <translation>fel: &apos;%1&apos; är inte ett körnings-id</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="272"/>
        <source>error: interval: give seconds from 1 to %1</source>
        <translation>fel: interval: ange sekunder från 1 till %1</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="304"/>
        <source>error: the workflow %1 has no run yet</source>
        <translation>fel: arbetsflödet %1 har ingen körning än</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="371"/>
        <source>Lists the workflow&apos;s recent runs with their true outcomes: the release history&apos;s, else the build summaries&apos; (GitHub keeps them a day), not only the job conclusions.</source>
        <translation>Listar arbetsflödets senaste körningar med deras verkliga utfall: releasehistorikens, annars byggsammanfattningarnas (GitHub behåller dem ett dygn), inte bara jobbens slutsatser.</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="375"/>
        <source>how many runs (default 10, at most 50)</source>
        <translation>hur många körningar (standard 10, högst 50)</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="377"/>
        <source>print JSON</source>
        <translation>skriv ut JSON</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="385"/>
        <source>[options]</source>
        <translation>[flaggor]</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="391"/>
        <source>error: limit: give a number from 1 to 50</source>
        <translation>fel: limit: ange ett tal från 1 till 50</translation>
    </message>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="454"/>
        <source> (GitHub&apos;s word: no build summary left to check)</source>
        <translation> (GitHubs ord: ingen byggsammanfattning kvar att kontrollera)</translation>
    </message>
</context>
<context>
    <name>rc::desktop::AppSettings</name>
    <message>
        <location filename="../app/desktop/appsettings.cpp" line="42"/>
        <source>The shortest poll interval must be between %1 and %2 seconds.</source>
        <translation>Det kortaste avfrågningsintervallet måste ligga mellan %1 och %2 sekunder.</translation>
    </message>
    <message>
        <location filename="../app/desktop/appsettings.cpp" line="46"/>
        <source>The longest poll interval must be between the shortest (%1 s) and %2 seconds.</source>
        <translation>Det längsta avfrågningsintervallet måste ligga mellan det kortaste (%1 s) och %2 sekunder.</translation>
    </message>
    <message>
        <location filename="../app/desktop/appsettings.cpp" line="51"/>
        <source>“%1” is not a language Release Console is translated into.</source>
        <translation>”%1” är inte ett språk som Release Console är översatt till.</translation>
    </message>
</context>
<context>
    <name>rc::flow::Dispatcher</name>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="153"/>
        <source>Not sent: %1</source>
        <translation>Inte skickat: %1</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="158"/>
        <location filename="../app/flow/dispatcher.cpp" line="165"/>
        <source>Not sent: the release history cannot record it first (%1).</source>
        <translation>Inte skickat: releasehistoriken kan inte registrera det först (%1).</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="159"/>
        <source>no ledger</source>
        <translation>ingen liggare</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="179"/>
        <source>Sending the dispatch to %1…</source>
        <translation>Skickar utskicket till %1…</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="204"/>
        <source>Sent, but the release history could not be updated: %1</source>
        <translation>Skickat, men releasehistoriken kunde inte uppdateras: %1</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="208"/>
        <source>Sent: GitHub started run %1.</source>
        <translation>Skickat: GitHub startade körning %1.</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="224"/>
        <source>This GitHub does not return run details; sending once more without asking for them…</source>
        <translation>Den här GitHub-instansen returnerar inte körningsdetaljer; skickar en gång till utan att be om dem…</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="233"/>
        <source>Not dispatched: %1</source>
        <translation>Inte skickat: %1</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="242"/>
        <source>No clear answer (%1). Looking for the run before anything is sent again…</source>
        <translation>Inget tydligt svar (%1). Letar efter körningen innan något skickas igen…</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="297"/>
        <source>Sent: run %1 started.</source>
        <translation>Skickat: körning %1 startade.</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="298"/>
        <source>Sent: the answer was lost (%1), but run %2 started at %3.</source>
        <translation>Skickat: svaret gick förlorat (%1), men körning %2 startade %3.</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="309"/>
        <source>Sent: GitHub accepted it; its run has not appeared yet (%1).</source>
        <translation>Skickat: GitHub godtog det; dess körning har inte dykt upp än (%1).</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="310"/>
        <source>Sent: GitHub accepted it; %1 runs started since, see %2.</source>
        <translation>Skickat: GitHub godtog det; %1 körningar har startat sedan dess, se %2.</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="316"/>
        <source>No clear answer (%1) and no run appeared since %2. It may still come: look at %3 before sending again.</source>
        <translation>Inget tydligt svar (%1) och ingen körning har dykt upp sedan %2. Den kan fortfarande komma: titta på %3 innan du skickar igen.</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="319"/>
        <source>No clear answer (%1) and %2 runs started since %3: look at %4 to tell which is this release before sending again.</source>
        <translation>Inget tydligt svar (%1) och %2 körningar har startat sedan %3: titta på %4 för att avgöra vilken som är den här releasen innan du skickar igen.</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="376"/>
        <source>no run started since %1; look at %2</source>
        <translation>ingen körning har startat sedan %1; titta på %2</translation>
    </message>
    <message>
        <location filename="../app/flow/dispatcher.cpp" line="378"/>
        <source>%1 runs started since %2; look at %3</source>
        <translation>%1 körningar har startat sedan %2; titta på %3</translation>
    </message>
</context>
<context>
    <name>rc::flow::Preflight</name>
    <message>
        <location filename="../app/flow/preflight.cpp" line="48"/>
        <source>expired</source>
        <translation>har gått ut</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/flow/preflight.cpp" line="51"/>
        <source>expires in %n days</source>
        <translation>
            <numerusform>går ut om %n dag</numerusform>
            <numerusform>går ut om %n dagar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="52"/>
        <source>renew it soon</source>
        <translation>förnya den snart</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="115"/>
        <source>checking…</source>
        <translation>kontrollerar…</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="118"/>
        <source>GitHub token</source>
        <translation>GitHub-token</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="119"/>
        <source>GitLab token</source>
        <translation>GitLab-token</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="120"/>
        <source>Workflow</source>
        <translation>Arbetsflöde</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="121"/>
        <source>Workflow inputs</source>
        <translation>Arbetsflödets indata</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="123"/>
        <source>Recipes repo ref</source>
        <translation>Receptrepots ref</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="124"/>
        <source>Commit&apos;s pipeline</source>
        <translation>Incheckningens pipeline</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="125"/>
        <source>Checksum</source>
        <translation>Kontrollsumma</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="126"/>
        <source>Patch</source>
        <translation>Patch</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="127"/>
        <source>Version and build</source>
        <translation>Version och bygge</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="128"/>
        <source>Runs in progress</source>
        <translation>Pågående körningar</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="129"/>
        <source>Body size</source>
        <translation>Innehållets storlek</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="131"/>
        <source>Earlier dispatches</source>
        <translation>Tidigare utskick</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="132"/>
        <source>Same release before</source>
        <translation>Samma release tidigare</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="182"/>
        <source>no checksum was computed</source>
        <translation>ingen kontrollsumma beräknades</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="183"/>
        <source>compute the tarball&apos;s checksum for this commit</source>
        <translation>beräkna tarball-filens kontrollsumma för den här incheckningen</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="185"/>
        <source>not known until the tarball is resolved</source>
        <translation>okänt tills tarball-filen har hittats</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="191"/>
        <source>the checksum was computed for commit %1 and %2, not for this release</source>
        <translation>kontrollsumman beräknades för incheckning %1 och %2, inte för den här releasen</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="193"/>
        <source>compute the checksum again</source>
        <translation>beräkna kontrollsumman igen</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="196"/>
        <source>sha256 %1… of the tarball of commit %2</source>
        <translation>sha256 %1… av tarball-filen för incheckning %2</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="200"/>
        <source>the pipeline passed</source>
        <translation>pipelinen lyckades</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="203"/>
        <source>the pipeline&apos;s status is unknown</source>
        <translation>pipelinens status är okänd</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="206"/>
        <source>the commit&apos;s pipeline is %1</source>
        <translation>incheckningens pipeline är %1</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="207"/>
        <source>release a commit whose pipeline passed, or go on knowingly</source>
        <translation>släpp en incheckning vars pipeline lyckades, eller fortsätt medvetet</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="217"/>
        <source>carried byte-exact: encoded for the workflow&apos;s printf &apos;…&apos;</source>
        <translation>överförs byte för byte: kodad för arbetsflödets printf &apos;…&apos;</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="218"/>
        <source>carried byte-exact: sent as is (raw)</source>
        <translation>överförs byte för byte: skickas som den är (raw)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="223"/>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tecken</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="228"/>
        <source>make the patch smaller</source>
        <translation>gör patchen mindre</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="236"/>
        <source>add or replace the GitHub token (Tools &gt; Tokens, or &apos;release-console tokens set --forge github&apos;)</source>
        <translation>lägg till eller ersätt GitHub-token (Verktyg &gt; Token, eller &apos;release-console tokens set --forge github&apos;)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="239"/>
        <location filename="../app/flow/preflight.cpp" line="241"/>
        <source>runs are looked for with a working GitHub token</source>
        <translation>körningar letas upp med en fungerande GitHub-token</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="247"/>
        <source>signed in as %1 (%2)</source>
        <translation>inloggad som %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="255"/>
        <source>scopes %1 lack &apos;repo&apos;</source>
        <translation>omfången %1 saknar &apos;repo&apos;</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="256"/>
        <source>create a token with the &apos;repo&apos; and &apos;workflow&apos; scopes</source>
        <translation>skapa en token med omfången &apos;repo&apos; och &apos;workflow&apos;</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="273"/>
        <source>add or replace the GitLab token</source>
        <translation>lägg till eller ersätt GitLab-token</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="278"/>
        <source>signed in as %1</source>
        <translation>inloggad som %1</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="282"/>
        <source>scopes %1</source>
        <translation>omfång %1</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="288"/>
        <source>no &apos;read_api&apos; scope, but it read the commit and its tarball</source>
        <translation>inget &apos;read_api&apos;-omfång, men den läste incheckningen och dess tarball</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="290"/>
        <source>a classic token needs the &apos;read_api&apos; scope</source>
        <translation>en klassisk token kräver omfånget &apos;read_api&apos;</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="295"/>
        <source>not active</source>
        <translation>inte aktivt</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="314"/>
        <source>check the profile&apos;s recipes repo and workflow file</source>
        <translation>kontrollera profilens receptrepo och arbetsflödesfil</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="319"/>
        <source>&apos;%1&apos; is %2</source>
        <translation>&apos;%1&apos; är %2</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="320"/>
        <source>enable the workflow in the repository&apos;s Actions tab</source>
        <translation>aktivera arbetsflödet under fliken Actions i förrådet</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="323"/>
        <source>&apos;%1&apos; (%2) is active</source>
        <translation>&apos;%1&apos; (%2) är aktivt</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="337"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 kunde inte läsas: %2</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="356"/>
        <source>make the workflow declare exactly the inputs sent</source>
        <translation>låt arbetsflödet deklarera exakt de indata som skickas</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="361"/>
        <source>declares the 8 inputs sent</source>
        <translation>deklarerar de 8 indata som skickas</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="373"/>
        <source>set the profile&apos;s workflow ref to an existing branch</source>
        <translation>sätt profilens arbetsflödes-ref till en befintlig gren</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="377"/>
        <source>branch %1 at %2</source>
        <translation>gren %1 vid %2</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="413"/>
        <source>run #%1 (%2, %3)</source>
        <translation>körning #%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="416"/>
        <source>%1 would be cancelled by this dispatch (the workflow cancels runs in progress)</source>
        <translation>%1 skulle avbrytas av detta utskick (arbetsflödet avbryter pågående körningar)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="419"/>
        <source>%1 is still going; this one queues after it</source>
        <translation>%1 pågår fortfarande; den här köar efter den</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="420"/>
        <source>wait for it to finish, or send knowingly</source>
        <translation>vänta tills den är klar, eller skicka medvetet</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="423"/>
        <source>no run in progress</source>
        <translation>ingen pågående körning</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="438"/>
        <source>this release was dispatched before: #%1 on %2 (%3%4)</source>
        <translation>den här releasen har skickats tidigare: #%1 den %2 (%3%4)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="442"/>
        <source>, run %1</source>
        <translation>, körning %1</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="443"/>
        <source>use another build number, or send again knowingly (--resend)</source>
        <translation>använd ett annat byggnummer, eller skicka igen medvetet (--resend)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="447"/>
        <source>not dispatched from here before</source>
        <translation>inte skickat härifrån tidigare</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="465"/>
        <source>every earlier dispatch has an outcome</source>
        <translation>alla tidigare utskick har ett utfall</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="480"/>
        <source>make sure it did not run before sending again</source>
        <translation>se till att det inte kördes innan du skickar igen</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="487"/>
        <source>dispatch #%1 of %2 %3 (%4)</source>
        <translation>utskick #%1 av %2 %3 (%4)</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="494"/>
        <source>%1 started run %2</source>
        <translation>%1 startade körning %2</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="496"/>
        <source>%1: outcome unknown, %2</source>
        <translation>%1: utfall okänt, %2</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="509"/>
        <source>needs a valid recipe, channel and build</source>
        <translation>kräver ett giltigt recept, en giltig kanal och ett giltigt bygge</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="525"/>
        <source>%1 build %2 is already on %3/label/%4</source>
        <translation>%1 bygge %2 finns redan på %3/label/%4</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="527"/>
        <location filename="../app/flow/preflight.cpp" line="542"/>
        <source>use build %1</source>
        <translation>använd bygge %1</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="533"/>
        <source>first upload of %1 to %2</source>
        <translation>första uppladdningen av %1 till %2</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="536"/>
        <source>%1 is not published yet</source>
        <translation>%1 är inte publicerad än</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="539"/>
        <source>%1 is on %2; build %3 is lower than the next free build %4</source>
        <translation>%1 finns på %2; bygge %3 är lägre än nästa lediga bygge %4</translation>
    </message>
    <message>
        <location filename="../app/flow/preflight.cpp" line="545"/>
        <source>%1 build %2 is unused (the version is on %3)</source>
        <translation>%1 bygge %2 är oanvänt (versionen finns på %3)</translation>
    </message>
</context>
<context>
    <name>rc::flow::ReleaseEnvironment</name>
    <message>
        <location filename="../app/flow/releaseenvironment.cpp" line="79"/>
        <source>cannot create a folder for the sandbox: %1</source>
        <translation>kan inte skapa en mapp för sandlådan: %1</translation>
    </message>
    <message>
        <location filename="../app/flow/releaseenvironment.cpp" line="86"/>
        <source>cannot start the sandbox forge: %1</source>
        <translation>kan inte starta sandlådans kodvärd: %1</translation>
    </message>
</context>
<context>
    <name>rc::flow::ReleasePreparation</name>
    <message>
        <location filename="../app/flow/releasepreparation.cpp" line="51"/>
        <source>Reading commit %1 of %2…</source>
        <translation>Läser incheckning %1 av %2…</translation>
    </message>
    <message>
        <location filename="../app/flow/releasepreparation.cpp" line="77"/>
        <source>Reading %1 at %2…</source>
        <translation>Läser %1 vid %2…</translation>
    </message>
    <message>
        <location filename="../app/flow/releasepreparation.cpp" line="98"/>
        <source>anaconda.org: %1</source>
        <translation>anaconda.org: %1</translation>
    </message>
    <message>
        <location filename="../app/flow/releasepreparation.cpp" line="164"/>
        <source>commit message: %1</source>
        <translation>incheckningsmeddelande: %1</translation>
    </message>
</context>
<context>
    <name>rc::forge::Anaconda</name>
    <message>
        <location filename="../app/forge/anaconda.cpp" line="103"/>
        <source>Expected a list of files.</source>
        <translation>Väntade en lista med filer.</translation>
    </message>
</context>
<context>
    <name>rc::forge::ForgeError</name>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="71"/>
        <source>No error.</source>
        <translation>Inget fel.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="73"/>
        <source>Network error.</source>
        <translation>Nätverksfel.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="75"/>
        <source>The request timed out.</source>
        <translation>Förfrågan överskred tidsgränsen.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="77"/>
        <source>Secure connection (TLS) failed.</source>
        <translation>Säker anslutning (TLS) misslyckades.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="79"/>
        <source>Address or redirect refused.</source>
        <translation>Adressen eller omdirigeringen nekades.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="81"/>
        <source>The token was rejected (unauthorized).</source>
        <translation>Token avvisades (unauthorized).</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="83"/>
        <source>Access denied (forbidden).</source>
        <translation>Åtkomst nekad (forbidden).</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="85"/>
        <source>Not found (or not visible with this token).</source>
        <translation>Hittades inte (eller syns inte med den här token).</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="87"/>
        <source>The server rejected the request as invalid.</source>
        <translation>Servern avvisade förfrågan som ogiltig.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="89"/>
        <source>Rate limit exceeded.</source>
        <translation>Hastighetsgränsen har överskridits.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="91"/>
        <source>The server failed.</source>
        <translation>Servern misslyckades.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="93"/>
        <source>Unexpected HTTP status.</source>
        <translation>Oväntad HTTP-status.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="95"/>
        <source>The server&apos;s answer could not be understood.</source>
        <translation>Serverns svar gick inte att förstå.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="97"/>
        <source>Cancelled.</source>
        <translation>Avbruten.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="112"/>
        <source>Needs token scopes: %1.</source>
        <translation>Kräver tokenomfången: %1.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="114"/>
        <source>Needs token permissions: %1.</source>
        <translation>Kräver tokenbehörigheterna: %1.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="116"/>
        <source>Request id: %1.</source>
        <translation>Förfrågnings-id: %1.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="198"/>
        <source>in %1 s</source>
        <translation>om %1 s</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="200"/>
        <source>in %1 min</source>
        <translation>om %1 min</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="202"/>
        <source>in %1 h %2 min</source>
        <translation>om %1 h %2 min</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="206"/>
        <source>Retry after %1 UTC (%2).</source>
        <translation>Försök igen efter %1 UTC (%2).</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeerror.cpp" line="264"/>
        <source>The server answered with an HTML page.</source>
        <translation>Servern svarade med en HTML-sida.</translation>
    </message>
</context>
<context>
    <name>rc::forge::ForgeRequest</name>
    <message>
        <location filename="../app/forge/forgerequest.cpp" line="55"/>
        <source>Not sent: the %1 &quot;%2&quot; holds a &quot;.&quot; or &quot;..&quot; path segment.</source>
        <translation>Inte skickat: %1 &quot;%2&quot; innehåller ett sökvägsled &quot;.&quot; eller &quot;..&quot;.</translation>
    </message>
</context>
<context>
    <name>rc::forge::GitHub</name>
    <message>
        <location filename="../app/forge/github.cpp" line="253"/>
        <source>The user has no login.</source>
        <translation>Användaren har ingen inloggning.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="277"/>
        <source>The workflow has no id or state.</source>
        <translation>Arbetsflödet har inget id eller tillstånd.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="307"/>
        <source>The path is a directory, not a file.</source>
        <translation>Sökvägen är en katalog, inte en fil.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="312"/>
        <source>The path is a symbolic link (to &quot;%1&quot;), not a file.</source>
        <translation>Sökvägen är en symbolisk länk (till &quot;%1&quot;), inte en fil.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="315"/>
        <source>The path is a submodule, not a file.</source>
        <translation>Sökvägen är en undermodul, inte en fil.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="317"/>
        <source>The answer is not a file.</source>
        <translation>Svaret är inte en fil.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="322"/>
        <source>The file is too large for the contents API (%1 bytes; at most %2).</source>
        <translation>Filen är för stor för innehålls-API:t (%1 byte; högst %2).</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="327"/>
        <source>The file&apos;s content has encoding &quot;%1&quot;, not base64.</source>
        <translation>Filens innehåll har kodningen &quot;%1&quot;, inte base64.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="331"/>
        <source>The file has no content.</source>
        <translation>Filen har inget innehåll.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="336"/>
        <source>The file is larger than %1 bytes.</source>
        <translation>Filen är större än %1 byte.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="340"/>
        <source>The file&apos;s content is not valid base64.</source>
        <translation>Filens innehåll är inte giltig base64.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="343"/>
        <source>The file&apos;s content has %1 bytes, but its size says %2.</source>
        <translation>Filens innehåll är %1 byte, men dess storlek säger %2.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="357"/>
        <source>The branch has no name or head commit.</source>
        <translation>Grenen har inget namn eller ingen senaste incheckning.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="388"/>
        <source>The run has no id or status.</source>
        <translation>Körningen har inget id eller ingen status.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="400"/>
        <source>The answer has no &quot;%1&quot; list.</source>
        <translation>Svaret har ingen lista &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="406"/>
        <source>An entry of &quot;%1&quot; has no id.</source>
        <translation>En post i &quot;%1&quot; saknar id.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="488"/>
        <source>The annotations are not a list.</source>
        <translation>Annoteringarna är inte en lista.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="492"/>
        <source>The page holds %1 annotations; at most %2 were asked for.</source>
        <translation>Sidan innehåller %1 annoteringar; högst %2 efterfrågades.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="503"/>
        <source>An annotation is not an object.</source>
        <translation>En annotering är inte ett objekt.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="515"/>
        <source>An annotation has neither a message nor a title.</source>
        <translation>En annotering har varken meddelande eller titel.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="534"/>
        <source>Artifact %1: %2</source>
        <translation>Artefakt %1: %2</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="539"/>
        <source>Artifact %1: summary.json is not a JSON object.</source>
        <translation>Artefakt %1: summary.json är inte ett JSON-objekt.</translation>
    </message>
    <message>
        <location filename="../app/forge/github.cpp" line="546"/>
        <source>Artifact %1: summary.json has no &quot;outcome&quot;.</source>
        <translation>Artefakt %1: summary.json saknar &quot;outcome&quot;.</translation>
    </message>
</context>
<context>
    <name>rc::forge::GitLab</name>
    <message>
        <location filename="../app/forge/gitlab.cpp" line="171"/>
        <source>The token has no id.</source>
        <translation>Token har inget id.</translation>
    </message>
    <message>
        <location filename="../app/forge/gitlab.cpp" line="183"/>
        <source>The user has no username.</source>
        <translation>Användaren har inget användarnamn.</translation>
    </message>
    <message>
        <location filename="../app/forge/gitlab.cpp" line="197"/>
        <source>The project has no id.</source>
        <translation>Projektet har inget id.</translation>
    </message>
    <message>
        <location filename="../app/forge/gitlab.cpp" line="221"/>
        <source>The commit has no id.</source>
        <translation>Incheckningen har inget id.</translation>
    </message>
    <message>
        <location filename="../app/forge/gitlab.cpp" line="231"/>
        <source>Expected a list of %1.</source>
        <translation>Väntade en lista med %1.</translation>
    </message>
    <message>
        <location filename="../app/forge/gitlab.cpp" line="237"/>
        <source>An entry in the list of %1 has no id.</source>
        <translation>En post i listan över %1 saknar id.</translation>
    </message>
</context>
<context>
    <name>rc::forge::Transport</name>
    <message>
        <location filename="../app/forge/transport.cpp" line="176"/>
        <source>the redirect target is not a valid URL</source>
        <translation>omdirigeringens mål är inte en giltig URL</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="174"/>
        <location filename="../app/forge/transport.cpp" line="180"/>
        <source>redirect to a non-HTTP scheme (%1) refused</source>
        <translation>omdirigering till ett schema som inte är HTTP (%1) nekad</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="64"/>
        <source>Not sent: the token for %1 is longer than %2 bytes; replace it.</source>
        <translation>Skickades inte: token för %1 är längre än %2 byte; byt ut den.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="70"/>
        <source>Not sent: the token for %1 holds a space, a control character or a non-ASCII byte (byte %2); replace it.</source>
        <translation>Skickades inte: token för %1 innehåller ett blanksteg, ett styrtecken eller en icke-ASCII-byte (byte %2); byt ut den.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="154"/>
        <source>Not sent: &quot;%1&quot; is not a valid URL.</source>
        <translation>Inte skickat: &quot;%1&quot; är ingen giltig URL.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="157"/>
        <source>Not sent: the scheme %1: is refused; only https (or http to this computer).</source>
        <translation>Inte skickat: schemat %1: nekas; bara https (eller http till den här datorn).</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="161"/>
        <source>Not sent: the URL has no host.</source>
        <translation>Inte skickat: URL:en saknar värd.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="163"/>
        <source>Not sent: plain http to %1 is refused; only https (or http to this computer).</source>
        <translation>Inte skickat: okrypterad http till %1 nekas; bara https (eller http till den här datorn).</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="183"/>
        <source>redirect from https to http refused (%1)</source>
        <translation>omdirigering från https till http nekad (%1)</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="253"/>
        <source>Not sent: the rate limit of %1 is used up.</source>
        <translation>Inte skickat: hastighetsgränsen för %1 är förbrukad.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="278"/>
        <source>Not sent: the path holds a &quot;.&quot; or &quot;..&quot; segment.</source>
        <translation>Inte skickat: sökvägen innehåller ett led &quot;.&quot; eller &quot;..&quot;.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="512"/>
        <location filename="../app/forge/transport.cpp" line="545"/>
        <source>Cancelled.</source>
        <translation>Avbruten.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="515"/>
        <source>No answer within the deadline of %1 s.</source>
        <translation>Inget svar inom tidsgränsen på %1 s.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="549"/>
        <source>No data for %1 s (inactivity timeout).</source>
        <translation>Inga data på %1 s (tidsgräns för inaktivitet).</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="555"/>
        <source>Not complete within the deadline of %1 s.</source>
        <translation>Inte klart inom tidsgränsen på %1 s.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="561"/>
        <source>The answer is larger than %1 bytes.</source>
        <translation>Svaret är större än %1 byte.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="566"/>
        <source>The download was stopped by its consumer.</source>
        <translation>Hämtningen stoppades av sin mottagare.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="587"/>
        <source>The connection closed before the whole answer arrived (%1 bytes read).</source>
        <translation>Anslutningen stängdes innan hela svaret hade kommit (%1 byte lästa).</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="601"/>
        <source>Truncated answer: %1 of %2 bytes.</source>
        <translation>Avkortat svar: %1 av %2 byte.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="618"/>
        <source>304 Not Modified without a cached answer.</source>
        <translation>304 Not Modified utan ett cachat svar.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="637"/>
        <source>The error answer is longer than %1 bytes; the rest was not read.</source>
        <translation>Felsvaret är längre än %1 byte; resten lästes inte.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="662"/>
        <source>A redirect without a Location.</source>
        <translation>En omdirigering utan Location.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="670"/>
        <source>The server answered the %1 with a redirect (%2) to %3; it is not sent again.</source>
        <translation>Servern svarade på %1 med en omdirigering (%2) till %3; den skickas inte igen.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="682"/>
        <source>More than %1 redirects.</source>
        <translation>Fler än %1 omdirigeringar.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="706"/>
        <source>Expected JSON, got &quot;%1&quot;.</source>
        <translation>Väntade JSON, fick &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../app/forge/transport.cpp" line="719"/>
        <source>Invalid JSON at offset %1: %2.</source>
        <translation>Ogiltig JSON vid position %1: %2.</translation>
    </message>
    <message>
        <location filename="../app/forge/clientsupport_p.h" line="114"/>
        <source>The next page points back to a page already read (%1).</source>
        <translation>Nästa sida pekar tillbaka på en sida som redan har lästs (%1).</translation>
    </message>
    <message>
        <location filename="../app/forge/clientsupport_p.h" line="125"/>
        <source>The list goes on past %1 pages; stopped rather than show part of it.</source>
        <translation>Listan fortsätter efter %1 sidor; stoppade hellre än att visa en del av den.</translation>
    </message>
    <message>
        <location filename="../app/forge/forgeheaders.cpp" line="108"/>
        <source>The next page is on %1, not on %2: not followed.</source>
        <translation>Nästa sida ligger på %1, inte på %2: följs inte.</translation>
    </message>
</context>
<context>
    <name>rc::forge::Zip</name>
    <message>
        <location filename="../app/forge/zipreader.cpp" line="44"/>
        <source>Not a readable zip archive.</source>
        <translation>Inte ett läsbart zip-arkiv.</translation>
    </message>
    <message>
        <location filename="../app/forge/zipreader.cpp" line="56"/>
        <location filename="../app/forge/zipreader.cpp" line="72"/>
        <source>%1 is larger than %2 bytes.</source>
        <translation>%1 är större än %2 byte.</translation>
    </message>
    <message>
        <location filename="../app/forge/zipreader.cpp" line="64"/>
        <source>Corrupt zip entry %1: %2</source>
        <translation>Trasig zip-post %1: %2</translation>
    </message>
    <message>
        <location filename="../app/forge/zipreader.cpp" line="80"/>
        <source>The zip holds no %1.</source>
        <translation>Zip-arkivet innehåller ingen %1.</translation>
    </message>
    <message>
        <location filename="../app/forge/zipreader.cpp" line="82"/>
        <source>Corrupt zip archive: %1</source>
        <translation>Trasigt zip-arkiv: %1</translation>
    </message>
</context>
<context>
    <name>rc::kit::RecipesKit</name>
    <message>
        <location filename="../app/kit/recipeskit.cpp" line="130"/>
        <source>recipe: %1</source>
        <translation>recept: %1</translation>
    </message>
    <message>
        <location filename="../app/kit/recipeskit.cpp" line="133"/>
        <source>no folder given to export the kit into</source>
        <translation>ingen mapp angavs att exportera paketet till</translation>
    </message>
    <message>
        <location filename="../app/kit/recipeskit.cpp" line="138"/>
        <source>&apos;%1&apos; is a file, not a folder</source>
        <translation>&apos;%1&apos; är en fil, inte en mapp</translation>
    </message>
    <message>
        <location filename="../app/kit/recipeskit.cpp" line="149"/>
        <source>&apos;%1&apos; already exists; nothing was written</source>
        <translation>&apos;%1&apos; finns redan; inget skrevs</translation>
    </message>
    <message>
        <location filename="../app/kit/recipeskit.cpp" line="162"/>
        <source>cannot make the folder &apos;%1&apos;</source>
        <translation>kan inte skapa mappen &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/kit/recipeskit.cpp" line="167"/>
        <source>cannot write &apos;%1&apos;: it is a folder</source>
        <translation>kan inte skriva &apos;%1&apos;: det är en mapp</translation>
    </message>
    <message>
        <location filename="../app/kit/recipeskit.cpp" line="173"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>kan inte skriva &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>rc::ledger::ReleaseLedger</name>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="120"/>
        <source>unknown SQLite error</source>
        <translation>okänt SQLite-fel</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="177"/>
        <source>the %1 is not an http(s) URL</source>
        <translation>%1 är inte en http(s)-URL</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="179"/>
        <source>the %1 is longer than %2 characters</source>
        <translation>%1 är längre än %2 tecken</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="187"/>
        <source>run URL</source>
        <translation>körningens URL</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="194"/>
        <source>it has no platform key</source>
        <translation>den har ingen plattformsnyckel</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="196"/>
        <source>it has no status</source>
        <translation>den har ingen status</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="209"/>
        <location filename="../app/ledger/releaseledger.cpp" line="262"/>
        <source>its %1 has %2 characters, more than the %3 allowed</source>
        <translation>dess %1 har %2 tecken, fler än de %3 som tillåts</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="216"/>
        <source>one of its times is not a valid time</source>
        <translation>en av dess tider är inte en giltig tid</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="218"/>
        <source>%1 is not a job id</source>
        <translation>%1 är inte ett jobb-id</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="220"/>
        <source>%1 is not a run attempt</source>
        <translation>%1 är inte ett körningsförsök</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="221"/>
        <source>job URL</source>
        <translation>jobb-URL</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="238"/>
        <source>its body is %1 bytes, more than the %2 an entry may hold</source>
        <translation>dess innehåll är %1 byte, mer än de %2 en post får rymma</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="335"/>
        <source>%1 (run %2)</source>
        <translation>%1 (körning %2)</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="432"/>
        <source>Could not %1 in the release ledger %2: %3.</source>
        <translation>Kunde inte %1 i releaseliggaren %2: %3.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="441"/>
        <source>The release ledger %1 is not open.</source>
        <translation>Releaseliggaren %1 är inte öppen.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="451"/>
        <source>The release ledger %1 is a folder, not a file.</source>
        <translation>Releaseliggaren %1 är en mapp, inte en fil.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="456"/>
        <source>The release ledger %1 cannot be read: %2.</source>
        <translation>Releaseliggaren %1 kan inte läsas: %2.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="459"/>
        <source>The file %1 is not a release ledger (it is not an SQLite database); it was left as it is.</source>
        <translation>Filen %1 är inte en releaseliggare (den är inte en SQLite-databas); den lämnades orörd.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="468"/>
        <source>No file was given for the release ledger.</source>
        <translation>Ingen fil angavs för releaseliggaren.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="476"/>
        <source>The folder %1 for the release ledger cannot be created.</source>
        <translation>Mappen %1 för releaseliggaren kan inte skapas.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="479"/>
        <source>The folder %1 is not writable, so the release ledger cannot be created in it.</source>
        <translation>Mappen %1 är inte skrivbar, så releaseliggaren kan inte skapas i den.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="486"/>
        <source>The SQLite driver of Qt SQL (QSQLITE) is not available, so the release ledger %1 cannot be opened.</source>
        <translation>SQLite-drivrutinen för Qt SQL (QSQLITE) är inte tillgänglig, så releaseliggaren %1 kan inte öppnas.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="492"/>
        <source>The release ledger %1 cannot be opened: %2.</source>
        <translation>Releaseliggaren %1 kan inte öppnas: %2.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="502"/>
        <source>The file %1 cannot be read as a release ledger: %2; it was left as it is.</source>
        <translation>Filen %1 kan inte läsas som en releaseliggare: %2; den lämnades orörd.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="511"/>
        <source>The file %1 is an SQLite database of another program, not a release ledger; it was left as it is.</source>
        <translation>Filen %1 är en SQLite-databas för ett annat program, inte en releaseliggare; den lämnades orörd.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="515"/>
        <source>The release ledger %1 was written by a newer version of Release Console (schema %2; this one knows up to %3); it was left as it is.</source>
        <translation>Releaseliggaren %1 skrevs av en nyare version av Release Console (schema %2; den här känner till upp till %3); den lämnades orörd.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="528"/>
        <source>The release ledger %1 cannot be prepared: %2.</source>
        <translation>Releaseliggaren %1 kan inte förberedas: %2.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="538"/>
        <source>prepare the tables</source>
        <translation>förbereda tabellerna</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="547"/>
        <source>The release ledger %1 was changed by a newer version of Release Console while it was being opened.</source>
        <translation>Releaseliggaren %1 ändrades av en nyare version av Release Console medan den öppnades.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="567"/>
        <source>The clock gave an invalid time, so nothing was written to the release ledger %1.</source>
        <translation>Klockan gav en ogiltig tid, så inget skrevs till releaseliggaren %1.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="605"/>
        <source>The dispatch was not recorded in the release ledger %1: %2.</source>
        <translation>Utskicket registrerades inte i releaseliggaren %1: %2.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="614"/>
        <source>record the dispatch</source>
        <translation>registrera utskicket</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="660"/>
        <location filename="../app/ledger/releaseledger.cpp" line="686"/>
        <location filename="../app/ledger/releaseledger.cpp" line="780"/>
        <source>The release ledger %1 has no entry %2.</source>
        <translation>Releaseliggaren %1 har ingen post %2.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="668"/>
        <source>Entry %1 of the release ledger %2 is %3, so it cannot be recorded as %4.</source>
        <translation>Post %1 i releaseliggaren %2 är %3, så den kan inte registreras som %4.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="694"/>
        <source>record entry %1 as sent</source>
        <translation>registrera post %1 som skickad</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="696"/>
        <source>Entry %1 was not recorded as sent in the release ledger %2: run id %3 is not a run id.</source>
        <translation>Post %1 registrerades inte som skickad i releaseliggaren %2: körnings-id %3 är inte ett körnings-id.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="702"/>
        <source>Entry %1 was not recorded as sent in the release ledger %2: %3.</source>
        <translation>Post %1 registrerades inte som skickad i releaseliggaren %2: %3.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="719"/>
        <source>record entry %1 as refused</source>
        <translation>registrera post %1 som nekad</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="732"/>
        <source>record entry %1 as unknown</source>
        <translation>registrera post %1 som okänd</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="743"/>
        <source>The run found for entry %1 was not recorded in the release ledger %2: %3 is not a run id.</source>
        <translation>Körningen som hittades för post %1 registrerades inte i releaseliggaren %2: %3 är inte ett körnings-id.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="749"/>
        <source>The run found for entry %1 was not recorded in the release ledger %2: %3.</source>
        <translation>Körningen som hittades för post %1 registrerades inte i releaseliggaren %2: %3.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="755"/>
        <source>record the run found for entry %1</source>
        <translation>registrera körningen som hittades för post %1</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="786"/>
        <source>Entry %1 of the release ledger %2 is %3 without a run, so its run cannot be recorded.</source>
        <translation>Post %1 i releaseliggaren %2 är %3 utan körning, så dess körning kan inte registreras.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="797"/>
        <source>The platform of entry %1 was not recorded in the release ledger %2: %3.</source>
        <translation>Plattformen för post %1 registrerades inte i releaseliggaren %2: %3.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="804"/>
        <source>record a platform of entry %1</source>
        <translation>registrera en plattform för post %1</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="815"/>
        <source>Entry %1 of the release ledger %2 already has %3 platforms, the most one entry may hold.</source>
        <translation>Post %1 i releaseliggaren %2 har redan %3 plattformar, det högsta antalet en post får ha.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="853"/>
        <source>The run attempt of entry %1 was not recorded in the release ledger %2: %3 is not a run attempt.</source>
        <translation>Körningsförsöket för post %1 registrerades inte i releaseliggaren %2: %3 är inte ett körningsförsök.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="861"/>
        <source>record the run attempt of entry %1</source>
        <translation>registrera körningsförsöket för post %1</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="873"/>
        <source>Entry %1 of the release ledger %2 is at run attempt %3, so attempt %4 cannot be recorded.</source>
        <translation>Post %1 i releaseliggaren %2 är vid körningsförsök %3, så försök %4 kan inte registreras.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="899"/>
        <source>the conclusion is empty</source>
        <translation>slutsatsen är tom</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="901"/>
        <source>the conclusion has %1 characters, more than the %2 allowed</source>
        <translation>slutsatsen har %1 tecken, fler än de %2 som tillåts</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="905"/>
        <source>the completion time is not a valid time</source>
        <translation>sluttiden är inte en giltig tid</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="907"/>
        <source>The completion of the run of entry %1 was not recorded in the release ledger %2: %3.</source>
        <translation>Att körningen för post %1 slutfördes registrerades inte i releaseliggaren %2: %3.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="914"/>
        <source>record the completion of the run of entry %1</source>
        <translation>registrera att körningen för post %1 slutfördes</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="936"/>
        <source>the job name is empty or longer than %1 characters</source>
        <translation>jobbnamnet är tomt eller längre än %1 tecken</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="938"/>
        <source>%1 steps are more than the %2 a job may have</source>
        <translation>%1 steg är fler än de %2 ett jobb får ha</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="945"/>
        <source>a step name is empty or longer than %1 characters</source>
        <translation>ett stegnamn är tomt eller längre än %1 tecken</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="948"/>
        <source>step “%1” took %2 seconds, outside 0 to a day</source>
        <translation>steget ”%1” tog %2 sekunder, utanför 0 till ett dygn</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="953"/>
        <source>The step durations of entry %1 were not recorded in the release ledger %2: %3.</source>
        <translation>Stegens tidsåtgång för post %1 registrerades inte i releaseliggaren %2: %3.</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="957"/>
        <source>record the step durations of entry %1</source>
        <translation>registrera stegens tidsåtgång för post %1</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="992"/>
        <location filename="../app/ledger/releaseledger.cpp" line="1019"/>
        <source>read the step durations</source>
        <translation>läsa stegens tidsåtgång</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="1062"/>
        <source>read the dispatches</source>
        <translation>läsa utskicken</translation>
    </message>
    <message>
        <location filename="../app/ledger/releaseledger.cpp" line="1118"/>
        <source>read the platforms</source>
        <translation>läsa plattformarna</translation>
    </message>
</context>
<context>
    <name>rc::notify::DesktopNotifier</name>
    <message>
        <location filename="../app/notify/desktopnotifier.cpp" line="90"/>
        <source>There is no D-Bus session bus.</source>
        <translation>Det finns ingen D-Bus-sessionsbuss.</translation>
    </message>
    <message>
        <location filename="../app/notify/desktopnotifier.cpp" line="91"/>
        <source>There is no D-Bus session bus (%1).</source>
        <translation>Det finns ingen D-Bus-sessionsbuss (%1).</translation>
    </message>
    <message>
        <location filename="../app/notify/desktopnotifier.cpp" line="95"/>
        <source>The D-Bus bus daemon does not answer.</source>
        <translation>D-Bus-bussdemonen svarar inte.</translation>
    </message>
    <message>
        <location filename="../app/notify/desktopnotifier.cpp" line="101"/>
        <source>No desktop notification server (%1) is on the D-Bus session bus.</source>
        <translation>Ingen server för skrivbordsaviseringar (%1) finns på D-Bus-sessionsbussen.</translation>
    </message>
    <message>
        <location filename="../app/notify/desktopnotifier.cpp" line="180"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location filename="../app/notify/desktopnotifier.cpp" line="258"/>
        <source>This build has no D-Bus support for desktop notifications.</source>
        <translation>Det här bygget saknar D-Bus-stöd för skrivbordsaviseringar.</translation>
    </message>
</context>
<context>
    <name>rc::profiles::Profile</name>
    <message>
        <location filename="../app/profiles/profile.cpp" line="64"/>
        <location filename="../app/profiles/profile.cpp" line="78"/>
        <location filename="../app/profiles/profile.cpp" line="101"/>
        <location filename="../app/profiles/profile.cpp" line="200"/>
        <location filename="../app/profiles/profile.cpp" line="218"/>
        <source>must not be empty</source>
        <translation>får inte vara tom</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="67"/>
        <source>must not hold blanks, control characters or any of ~ ^ : ? * [ \</source>
        <translation>får inte innehålla blanksteg, styrtecken eller något av ~ ^ : ? * [ \</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="71"/>
        <source>is not a valid git branch name</source>
        <translation>är inte ett giltigt namn på en git-gren</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="82"/>
        <source>must not have a query or fragment</source>
        <translation>får inte ha en frågedel eller ett fragment</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="92"/>
        <source>is for an https address only</source>
        <translation>gäller bara en https-adress</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="103"/>
        <source>must be a relative path with &apos;/&apos; separators</source>
        <translation>måste vara en relativ sökväg med &apos;/&apos; som avgränsare</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="107"/>
        <source>must not have empty, &apos;.&apos; or &apos;..&apos; parts</source>
        <translation>får inte ha tomma delar, &apos;.&apos; eller &apos;..&apos;</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="194"/>
        <source>use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>använd 1 till 64 bokstäver, siffror, &apos;.&apos;, &apos;_&apos; eller &apos;-&apos;, med en bokstav eller siffra först</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="204"/>
        <source>must be a numeric id or a path such as group/project</source>
        <translation>måste vara ett numeriskt id eller en sökväg som grupp/projekt</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="209"/>
        <source>must be owner/name, e.g. VeloxChem/meta-vlx</source>
        <translation>måste vara ägare/namn, t.ex. VeloxChem/meta-vlx</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="213"/>
        <source>must be the workflow&apos;s file name (e.g. deploy-cxx.yml) or its id</source>
        <translation>måste vara arbetsflödets filnamn (t.ex. deploy-cxx.yml) eller dess id</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="221"/>
        <source>is at most %1 characters</source>
        <translation>är högst %1 tecken</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="227"/>
        <source>must name the CI job that makes the tarball</source>
        <translation>måste namnge CI-jobbet som skapar tarball-filen</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="239"/>
        <source>must be a workflow input name (letters, digits, _ and -; at most 64)</source>
        <translation>måste vara ett namn på indata till arbetsflödet (bokstäver, siffror, _ och -; högst 64)</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="243"/>
        <source>is for workflow dispatches; a repository dispatch has no inputs</source>
        <translation>gäller utskick av arbetsflöden; ett repository dispatch har inga indata</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="257"/>
        <source>cannot read %1: %2</source>
        <translation>kan inte läsa %1: %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="261"/>
        <source>%1 is too large for a certificate file</source>
        <translation>%1 är för stor för en certifikatfil</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="267"/>
        <source>%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>%1 innehåller inget PEM-certifikat (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="275"/>
        <source>GitLab&apos;s repository archive unpacks into &apos;&lt;project&gt;-&lt;sha&gt;-&lt;sha&gt;/&apos;, not &apos;%1/&apos;: the recipe must expect that folder</source>
        <translation>GitLabs förrådsarkiv packas upp i &apos;&lt;project&gt;-&lt;sha&gt;-&lt;sha&gt;/&apos;, inte &apos;%1/&apos;: receptet måste förvänta sig den mappen</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="278"/>
        <source>GitLab does not promise that an archive&apos;s bytes stay the same: the runner&apos;s download may not match the checksum</source>
        <translation>GitLab lovar inte att ett arkivs byte förblir desamma: körarens hämtning kanske inte stämmer med kontrollsumman</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="282"/>
        <source>plain HTTP is only allowed to this machine (the sandbox)</source>
        <translation>okrypterad HTTP är bara tillåten till den här datorn (sandlådan)</translation>
    </message>
    <message>
        <location filename="../app/profiles/profile.cpp" line="482"/>
        <source>the settings file could not be written: %1</source>
        <translation>inställningsfilen kunde inte skrivas: %1</translation>
    </message>
</context>
<context>
    <name>rc::profiles::WorkflowContract</name>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="53"/>
        <source>line %1, column %2: %3</source>
        <translation>rad %1, kolumn %2: %3</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="136"/>
        <source>the quoted text that starts here is never closed</source>
        <translation>den citerade texten som börjar här avslutas aldrig</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="165"/>
        <source>the line is indented with a tab, and YAML allows only spaces for indentation</source>
        <translation>raden är indragen med en tabb, och YAML tillåter bara mellanslag för indrag</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="268"/>
        <source>the workflow nests more than %1 levels deep, which no real workflow does</source>
        <translation>arbetsflödet är nästlat mer än %1 nivåer djupt, vilket inget verkligt arbetsflöde är</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="288"/>
        <source>a list</source>
        <translation>en lista</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="290"/>
        <source>a mapping</source>
        <translation>en mappning</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="292"/>
        <source>the text %1</source>
        <translation>texten %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="297"/>
        <source>empty</source>
        <translation>tom</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="334"/>
        <source>the workflow file is empty</source>
        <translation>arbetsflödesfilen är tom</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="339"/>
        <source>a workflow must be a mapping at top level (name, on, jobs), not %1</source>
        <translation>ett arbetsflöde måste vara en mappning på översta nivån (name, on, jobs), inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="356"/>
        <source>the workflow has both &apos;on&apos; and &apos;true&apos; (YAML 1.1&apos;s reading of &apos;on&apos;); GitHub refuses the file</source>
        <translation>arbetsflödet har både &apos;on&apos; och &apos;true&apos; (YAML 1.1:s tolkning av &apos;on&apos;); GitHub nekar filen</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="373"/>
        <source>the workflow has no &apos;on&apos; key, so nothing can start it</source>
        <translation>arbetsflödet har ingen nyckel &apos;on&apos;, så inget kan starta det</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="412"/>
        <source>the workflow has more than %1 keys and list items to read (anchors and aliases can repeat them), which no real workflow has</source>
        <translation>arbetsflödet har fler än %1 nycklar och listelement att läsa (ankare och alias kan upprepa dem), vilket inget verkligt arbetsflöde har</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="432"/>
        <source>a key of the workflow is %1, not a name</source>
        <translation>en nyckel i arbetsflödet är %1, inte ett namn</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="439"/>
        <source>the key %1 appears twice in the same mapping; GitHub refuses the file</source>
        <translation>nyckeln %1 förekommer två gånger i samma mappning; GitHub nekar filen</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="462"/>
        <source>an event in the list under &apos;on&apos; is %1, not an event name</source>
        <translation>en händelse i listan under &apos;on&apos; är %1, inte ett händelsenamn</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="478"/>
        <source>&apos;on&apos; is empty, so nothing can start the workflow</source>
        <translation>&apos;on&apos; är tomt, så inget kan starta arbetsflödet</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="490"/>
        <source>workflow_dispatch must be empty or a mapping with &apos;inputs&apos;, not %1</source>
        <translation>workflow_dispatch måste vara tom eller en mappning med &apos;inputs&apos;, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="507"/>
        <source>repository_dispatch must be empty or a mapping with &apos;types&apos;, not %1</source>
        <translation>repository_dispatch måste vara tom eller en mappning med &apos;types&apos;, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="525"/>
        <source>an event type of repository_dispatch is %1, not a name</source>
        <translation>en händelsetyp för repository_dispatch är %1, inte ett namn</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="531"/>
        <source>an event type of repository_dispatch is longer than %1 characters</source>
        <translation>en händelsetyp för repository_dispatch är längre än %1 tecken</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="550"/>
        <source>the types of repository_dispatch must be a name or a list of names, not %1</source>
        <translation>typerna för repository_dispatch måste vara ett namn eller en lista med namn, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="569"/>
        <source>the inputs of workflow_dispatch must be a mapping from input names to their settings, not %1</source>
        <translation>indata för workflow_dispatch måste vara en mappning från indatanamn till deras inställningar, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="585"/>
        <source>the workflow declares more than %1 inputs; GitHub accepts at most %2</source>
        <translation>arbetsflödet deklarerar fler än %1 indata; GitHub godtar högst %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="593"/>
        <source>an input name must have 1 to %1 characters</source>
        <translation>ett indatanamn måste ha 1 till %1 tecken</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="602"/>
        <source>the input %1 must be a mapping (description, required, type, default), not %2</source>
        <translation>indata %1 måste vara en mappning (description, required, type, default), inte %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="626"/>
        <source>&apos;required&apos; of the input %1 must be true or false, not %2</source>
        <translation>&apos;required&apos; för indata %1 måste vara true eller false, inte %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="637"/>
        <source>the type of the input %1 must be a type name such as string, not %2</source>
        <translation>typen för indata %1 måste vara ett typnamn som string, inte %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="654"/>
        <source>run-name must be a text, not %1</source>
        <translation>run-name måste vara en text, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="675"/>
        <source>concurrency must be a group name or a mapping with &apos;group&apos; and &apos;cancel-in-progress&apos;, not %1</source>
        <translation>concurrency måste vara ett gruppnamn eller en mappning med &apos;group&apos; och &apos;cancel-in-progress&apos;, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="686"/>
        <source>the concurrency group must be a text, not %1</source>
        <translation>concurrency-gruppen måste vara en text, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="696"/>
        <source>cancel-in-progress must be true, false or an expression, not %1</source>
        <translation>cancel-in-progress måste vara true, false eller ett uttryck, inte %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="758"/>
        <source>the workflow file has %1 bytes; files over %2 bytes are not read</source>
        <translation>arbetsflödesfilen är %1 byte; filer över %2 byte läses inte</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="764"/>
        <source>the workflow file contains a NUL byte, so it is not text</source>
        <translation>arbetsflödesfilen innehåller en NUL-byte, så den är inte text</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="774"/>
        <source>the file is not valid YAML (%1)</source>
        <translation>filen är inte giltig YAML (%1)</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="789"/>
        <source>the workflow file needs more memory to read than is available</source>
        <translation>arbetsflödesfilen kräver mer minne för att läsas än vad som finns</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="791"/>
        <source>the workflow file cannot be read (%1)</source>
        <translation>arbetsflödesfilen kan inte läsas (%1)</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="794"/>
        <source>the workflow file cannot be read</source>
        <translation>arbetsflödesfilen kan inte läsas</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="804"/>
        <source>the workflow file cannot be checked: %1</source>
        <translation>arbetsflödesfilen kan inte kontrolleras: %1</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="812"/>
        <source>the workflow has no workflow_dispatch trigger, so GitHub refuses to start it; it listens to repository_dispatch, which the profile can use instead</source>
        <translation>arbetsflödet har ingen workflow_dispatch-utlösare, så GitHub vägrar starta det; det lyssnar på repository_dispatch, som profilen kan använda i stället</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="815"/>
        <source>the workflow has no workflow_dispatch trigger, so GitHub refuses to start it</source>
        <translation>arbetsflödet har ingen workflow_dispatch-utlösare, så GitHub vägrar starta det</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="827"/>
        <source>the workflow does not declare %1, and GitHub refuses a dispatch with inputs it does not declare (&quot;Unexpected inputs&quot;)</source>
        <translation>arbetsflödet deklarerar inte %1, och GitHub nekar ett utskick med indata som inte deklareras (&quot;Unexpected inputs&quot;)</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="837"/>
        <source>the workflow requires the input %1, which is not sent</source>
        <translation>arbetsflödet kräver indata %1, som inte skickas</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="840"/>
        <source>the optional input %1 is not sent, so the workflow uses its default</source>
        <translation>den valfria indata %1 skickas inte, så arbetsflödet använder dess standardvärde</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="845"/>
        <source>the optional input %1 is not sent and has no default, so the workflow sees it empty</source>
        <translation>den valfria indata %1 skickas inte och har inget standardvärde, så arbetsflödet ser den som tom</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="850"/>
        <source>the input %1 has type %2, but every input is sent as free text; declare it with type: string</source>
        <translation>indata %1 har typen %2, men alla indata skickas som fri text; deklarera den med type: string</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="857"/>
        <source>the workflow declares %1 inputs, and GitHub accepts at most %2</source>
        <translation>arbetsflödet deklarerar %1 indata, och GitHub godtar högst %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="863"/>
        <source>the event type of a repository_dispatch cannot be empty</source>
        <translation>händelsetypen för ett repository_dispatch kan inte vara tom</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="866"/>
        <source>the event type has %1 characters; GitHub accepts at most %2</source>
        <translation>händelsetypen har %1 tecken; GitHub godtar högst %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="873"/>
        <source>the workflow has no repository_dispatch trigger, so the event starts nothing; it listens to workflow_dispatch, which the profile can use instead</source>
        <translation>arbetsflödet har ingen repository_dispatch-utlösare, så händelsen startar ingenting; det lyssnar på workflow_dispatch, som profilen kan använda i stället</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="876"/>
        <source>the workflow has no repository_dispatch trigger, so the event starts nothing</source>
        <translation>arbetsflödet har ingen repository_dispatch-utlösare, så händelsen startar ingenting</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="881"/>
        <source>the workflow listens to repository_dispatch only for these event types: %1; not for %2</source>
        <translation>arbetsflödet lyssnar på repository_dispatch bara för dessa händelsetyper: %1; inte för %2</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="889"/>
        <source>a new dispatch cancels a run in progress on the same ref</source>
        <translation>ett nytt utskick avbryter en pågående körning på samma ref</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="892"/>
        <source>a new dispatch cancels a run in progress on the same ref (job concurrency: %1)</source>
        <translation>ett nytt utskick avbryter en pågående körning på samma ref (jobbets concurrency: %1)</translation>
    </message>
    <message>
        <location filename="../app/profiles/workflowcontract.cpp" line="897"/>
        <source>the workflow has no run-name, so its runs do not show which dispatch started them</source>
        <translation>arbetsflödet har inget run-name, så dess körningar visar inte vilket utskick som startade dem</translation>
    </message>
</context>
<context>
    <name>rc::secrets::KeychainError</name>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="46"/>
        <source>There is no D-Bus session, so the keychain cannot be reached.</source>
        <translation>Det finns ingen D-Bus-session, så nyckelringen kan inte nås.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="48"/>
        <source>No keychain (Secret Service) is running on this desktop session.</source>
        <translation>Ingen nyckelring (Secret Service) körs i den här skrivbordssessionen.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="50"/>
        <source>The keyring is locked; stored tokens cannot be read or changed until it is unlocked.</source>
        <translation>Nyckelringen är låst; sparade token kan inte läsas eller ändras förrän den har låsts upp.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="53"/>
        <source>The keychain denied access to the token.</source>
        <translation>Nyckelringen nekade åtkomst till token.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="55"/>
        <source>No token is stored for this forge and host.</source>
        <translation>Ingen token är sparad för den här kodvärden och värden.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="57"/>
        <source>The keychain did not answer in time.</source>
        <translation>Nyckelringen svarade inte i tid.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="59"/>
        <source>No keychain is available on this system.</source>
        <translation>Ingen nyckelring är tillgänglig på det här systemet.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="63"/>
        <source>The keychain reported an error.</source>
        <translation>Nyckelringen rapporterade ett fel.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="70"/>
        <source>Log in to a desktop session (or start one with dbus-run-session), then retry.</source>
        <translation>Logga in i en skrivbordssession (eller starta en med dbus-run-session) och försök sedan igen.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="73"/>
        <source>Install and start a Secret Service provider such as gnome-keyring or KeePassXC, then retry.</source>
        <translation>Installera och starta en Secret Service-leverantör som gnome-keyring eller KeePassXC och försök sedan igen.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="76"/>
        <source>Unlock the keyring (e.g. in Seahorse or by logging in again), then retry. Nothing was read, written or removed.</source>
        <translation>Lås upp nyckelringen (t.ex. i Seahorse eller genom att logga in igen) och försök sedan igen. Inget lästes, skrevs eller togs bort.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="79"/>
        <source>Allow Release Console to use the keychain when asked, then retry.</source>
        <translation>Tillåt Release Console att använda nyckelringen när du tillfrågas, och försök sedan igen.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="81"/>
        <source>Add a token in the Tokens dialog or with &apos;release-console tokens set&apos;.</source>
        <translation>Lägg till en token i tokendialogen eller med &apos;release-console tokens set&apos;.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="83"/>
        <source>Check that the keychain is not waiting for a password prompt, then retry. Nothing was changed.</source>
        <translation>Kontrollera att nyckelringen inte väntar på en lösenordsfråga och försök sedan igen. Inget ändrades.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="86"/>
        <source>Tokens cannot be stored on this system.</source>
        <translation>Token kan inte sparas på det här systemet.</translation>
    </message>
    <message>
        <location filename="../app/secrets/keychainerror.cpp" line="90"/>
        <source>Retry; if it keeps failing, check the keychain application.</source>
        <translation>Försök igen; om det fortsätter att misslyckas, kontrollera nyckelringsprogrammet.</translation>
    </message>
</context>
<context>
    <name>rc::secrets::SecretServiceProbe</name>
    <message>
        <location filename="../app/secrets/secretserviceprobe.cpp" line="182"/>
        <source>nothing owns or can start %1 on the session bus</source>
        <translation>inget äger eller kan starta %1 på sessionsbussen</translation>
    </message>
    <message>
        <location filename="../app/secrets/secretserviceprobe.cpp" line="204"/>
        <source>the Secret Service has no default keyring; create one in your keyring application</source>
        <translation>Secret Service har ingen standardnyckelring; skapa en i ditt nyckelringsprogram</translation>
    </message>
    <message>
        <location filename="../app/secrets/secretserviceprobe.cpp" line="225"/>
        <source>collection %1 is locked</source>
        <translation>samlingen %1 är låst</translation>
    </message>
</context>
<context>
    <name>rc::secrets::StartupTokenCheck</name>
    <message>
        <location filename="../app/secrets/startuptokencheck.cpp" line="165"/>
        <source>%1 rejected this token.</source>
        <translation>%1 avvisade denna token.</translation>
    </message>
</context>
<context>
    <name>rc::secrets::TokenHealth</name>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="39"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="40"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="41"/>
        <location filename="../app/secrets/tokenhealth.cpp" line="274"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="62"/>
        <source>the token expired on %1</source>
        <translation>token gick ut %1</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="66"/>
        <source>in less than a day</source>
        <translation>om mindre än ett dygn</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="67"/>
        <source>in 1 day</source>
        <translation>om 1 dag</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="68"/>
        <source>in %1 days</source>
        <translation>om %1 dagar</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="69"/>
        <source>the token expires on %1 (%2): replace it soon</source>
        <translation>token går ut %1 (%2): ersätt den snart</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="79"/>
        <source>scope %1</source>
        <translation>omfång %1</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="83"/>
        <source>GitHub answered 404: the token cannot see the repository or the workflow does not exist (needs %1)</source>
        <translation>GitHub svarade 404: token kan inte se förrådet eller så finns inte arbetsflödet (kräver %1)</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="87"/>
        <source>GitHub answered %1: missing permission %2</source>
        <translation>GitHub svarade %1: behörigheten %2 saknas</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="107"/>
        <source>not checked</source>
        <translation>inte kontrollerat</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="112"/>
        <location filename="../app/secrets/tokenhealth.cpp" line="197"/>
        <source>GitHub answered %1</source>
        <translation>GitHub svarade %1</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="142"/>
        <source>GitHub rejected the token (HTTP 401): it was revoked, has expired or is mistyped</source>
        <translation>GitHub avvisade token (HTTP 401): den har återkallats, gått ut eller skrivits fel</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="144"/>
        <location filename="../app/secrets/tokenhealth.cpp" line="145"/>
        <location filename="../app/secrets/tokenhealth.cpp" line="216"/>
        <source>the token is rejected</source>
        <translation>token avvisas</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="150"/>
        <source>GitHub was not asked about the token</source>
        <translation>GitHub tillfrågades inte om token</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="151"/>
        <source>GitHub answered HTTP %1 when asked who owns the token</source>
        <translation>GitHub svarade HTTP %1 på frågan om vem som äger token</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="161"/>
        <source>actions=read</source>
        <translation>actions=read</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="166"/>
        <source>the &apos;repo&apos; scope covers it</source>
        <translation>omfånget &apos;repo&apos; täcker det</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="170"/>
        <source>the token has the &apos;repo&apos; scope</source>
        <translation>token har omfånget &apos;repo&apos;</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="173"/>
        <location filename="../app/secrets/tokenhealth.cpp" line="236"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="175"/>
        <source>a classic token needs the &apos;repo&apos; scope to dispatch workflows (it has: %1)</source>
        <translation>en klassisk token kräver omfånget &apos;repo&apos; för att skicka arbetsflöden (den har: %1)</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="188"/>
        <source>Actions write is granted</source>
        <translation>Actions-skrivrätt är beviljad</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="191"/>
        <source>actions=write</source>
        <translation>actions=write</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="196"/>
        <source>not checked (needs Actions: read and write)</source>
        <translation>inte kontrollerat (kräver Actions: läs och skriv)</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="202"/>
        <source>cannot read the workflow and its runs: %1</source>
        <translation>kan inte läsa arbetsflödet och dess körningar: %1</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="204"/>
        <source>cannot dispatch: %1</source>
        <translation>kan inte skicka utskick: %1</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="211"/>
        <source>personal access token</source>
        <translation>personlig åtkomsttoken</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="214"/>
        <source>GitLab rejected the token (HTTP 401): it was revoked, has expired or is mistyped</source>
        <translation>GitLab avvisade token (HTTP 401): den har återkallats, gått ut eller skrivits fel</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="223"/>
        <source>the token was revoked</source>
        <translation>token har återkallats</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="225"/>
        <source>the token is not active (expired or revoked)</source>
        <translation>token är inte aktiv (har gått ut eller återkallats)</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="235"/>
        <source>the token lacks the &apos;read_api&apos; scope (it has: %1)</source>
        <translation>token saknar omfånget &apos;read_api&apos; (den har: %1)</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="238"/>
        <source>the token has expired</source>
        <translation>token har gått ut</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="242"/>
        <source>cannot read the project: %1</source>
        <translation>kan inte läsa projektet: %1</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="250"/>
        <source>this GitLab cannot list a token&apos;s scopes or expiry; make sure it has &apos;read_api&apos;</source>
        <translation>den här GitLab-instansen kan inte lista en tokens omfång eller utgångsdatum; se till att den har &apos;read_api&apos;</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="257"/>
        <source>GitLab was not asked about the token</source>
        <translation>GitLab tillfrågades inte om token</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="258"/>
        <source>GitLab answered HTTP %1 when asked about the token</source>
        <translation>GitLab svarade HTTP %1 på frågan om token</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="274"/>
        <source>Login</source>
        <translation>Inloggning</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="276"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="277"/>
        <source>Scopes</source>
        <translation>Omfång</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="278"/>
        <source>none listed</source>
        <translation>inga listade</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="281"/>
        <location filename="../app/secrets/tokenhealth.cpp" line="283"/>
        <source>Expires</source>
        <translation>Går ut</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="281"/>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="288"/>
        <source>Can read</source>
        <translation>Kan läsa</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="291"/>
        <source>Can dispatch</source>
        <translation>Kan skicka utskick</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="294"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenhealth.cpp" line="296"/>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
</context>
<context>
    <name>rc::secrets::TokenStore</name>
    <message>
        <location filename="../app/secrets/tokenstore.cpp" line="25"/>
        <source>no answer within %1 s</source>
        <translation>inget svar inom %1 s</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenstore.cpp" line="295"/>
        <source>the token is empty</source>
        <translation>token är tom</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenstore.cpp" line="297"/>
        <source>the token is longer than 1024 characters</source>
        <translation>token är längre än 1024 tecken</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenstore.cpp" line="301"/>
        <source>the token contains a space or control character at position %1</source>
        <translation>token innehåller ett mellanslag eller styrtecken på position %1</translation>
    </message>
    <message>
        <location filename="../app/secrets/tokenstore.cpp" line="304"/>
        <source>the token contains a non-ASCII character at position %1</source>
        <translation>token innehåller ett icke-ASCII-tecken på position %1</translation>
    </message>
</context>
<context>
    <name>rc::tarball::ChecksumJob</name>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="85"/>
        <source>No GitLab project is set in the profile.</source>
        <translation>Inget GitLab-projekt är angivet i profilen.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="87"/>
        <source>&apos;%1&apos; is not a commit sha.</source>
        <translation>&apos;%1&apos; är inte en inchecknings-sha.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="89"/>
        <source>&apos;%1&apos; is not a recipe folder name.</source>
        <translation>&apos;%1&apos; är inte ett namn på en receptmapp.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="92"/>
        <source>No tarball job name is set in the profile.</source>
        <translation>Inget namn på tarball-jobbet är angivet i profilen.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="95"/>
        <source>&apos;%1&apos; is not a path inside a job&apos;s artifacts.</source>
        <translation>&apos;%1&apos; är inte en sökväg i ett jobbs artefakter.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="114"/>
        <source>No GitLab connection.</source>
        <translation>Ingen anslutning till GitLab.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="141"/>
        <source>GitLab does not guarantee that the bytes of a repository archive stay the same: the runner&apos;s download may not match this checksum. A CI job artifact is stable.</source>
        <translation>GitLab garanterar inte att ett förrådsarkivs byte förblir desamma: körarens hämtning kanske inte stämmer med denna kontrollsumma. En CI-jobbartefakt är stabil.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="154"/>
        <source>Looking up the GitLab project %1…</source>
        <translation>Slår upp GitLab-projektet %1…</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="172"/>
        <source>Looking for the pipeline of %1…</source>
        <translation>Letar efter pipelinen för %1…</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="192"/>
        <source>the newest pipelines of the project (%1 looked at)</source>
        <translation>projektets senaste pipelines (%1 genomsökta)</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="194"/>
        <source>the newest pipelines of branch &apos;%1&apos; (%2 looked at)</source>
        <translation>de senaste pipelinerna för grenen &apos;%1&apos; (%2 genomsökta)</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="197"/>
        <source>No pipeline of commit %1 among %2. Run a pipeline for the commit in GitLab (or wait for it to start), or choose the repository archive as the tarball source.</source>
        <translation>Ingen pipeline för incheckning %1 bland %2. Kör en pipeline för incheckningen i GitLab (eller vänta tills den startar), eller välj förrådsarkivet som tarball-källa.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="211"/>
        <source>Looking for the job &apos;%1&apos; in pipeline #%2…</source>
        <translation>Letar efter jobbet &apos;%1&apos; i pipeline #%2…</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="225"/>
        <source>pipeline #%1 (%2) of commit %3</source>
        <translation>pipeline #%1 (%2) för incheckning %3</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="236"/>
        <source>The %1 has no job named &apos;%2&apos; (its jobs: %3). Check the tarball job name in the profile, or choose the repository archive as the tarball source.</source>
        <translation>%1 har inget jobb med namnet &apos;%2&apos; (dess jobb: %3). Kontrollera tarball-jobbets namn i profilen, eller välj förrådsarkivet som tarball-källa.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="239"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="244"/>
        <source>The job &apos;%1&apos; (#%2) of %3</source>
        <translation>Jobbet &apos;%1&apos; (#%2) i %3</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="247"/>
        <source>%1 is a manual job that has not run: run it in GitLab%2, then compute the checksum again.</source>
        <translation>%1 är ett manuellt jobb som inte har körts: kör det i GitLab%2 och beräkna sedan kontrollsumman igen.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="253"/>
        <source>%1 has not finished yet (%2): wait for it to finish, then compute the checksum again.</source>
        <translation>%1 är inte klart än (%2): vänta tills det är klart och beräkna sedan kontrollsumman igen.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="259"/>
        <source>%1 did not succeed (%2): run it again in GitLab%3, or choose the repository archive as the tarball source.</source>
        <translation>%1 lyckades inte (%2): kör det igen i GitLab%3, eller välj förrådsarkivet som tarball-källa.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="266"/>
        <source>%1 succeeded but kept no artifacts (none declared, or they expired): run the job again, or choose the repository archive as the tarball source.</source>
        <translation>%1 lyckades men sparade inga artefakter (inga deklarerade, eller så har de gått ut): kör jobbet igen, eller välj förrådsarkivet som tarball-källa.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="274"/>
        <source>Pipeline #%1 of commit %2 is %3 (its tarball job succeeded).</source>
        <translation>Pipeline #%1 för incheckning %2 är %3 (dess tarball-jobb lyckades).</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="286"/>
        <source>Downloading %1 from job #%2…</source>
        <translation>Hämtar %1 från jobb #%2…</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="287"/>
        <source>Downloading the repository archive of %1…</source>
        <translation>Hämtar förrådsarkivet för %1…</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="310"/>
        <source>The job #%1 has no file &apos;%2&apos; in its artifacts (GitLab answered 404). Check the artifact path in the profile.</source>
        <translation>Jobb #%1 har ingen fil &apos;%2&apos; bland sina artefakter (GitLab svarade 404). Kontrollera artefaktsökvägen i profilen.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="381"/>
        <source>The download from %1 is not a usable tarball: %2.</source>
        <translation>Hämtningen från %1 är inte en användbar tarball: %2.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="385"/>
        <source>The tarball would unpack outside &apos;%1&apos;: %2.</source>
        <translation>Tarbollen skulle packas upp utanför &apos;%1&apos;: %2.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="388"/>
        <source>The tarball unpacks into %1, but the recipe expects &apos;%2&apos;.</source>
        <translation>Tarball-filen packas upp i %1, men receptet förväntar sig &apos;%2&apos;.</translation>
    </message>
    <message>
        <location filename="../app/tarball/checksumjob.cpp" line="394"/>
        <source> Make the CI job write it with `git archive --prefix=%1` or fix the recipe name in the profile.</source>
        <translation> Låt CI-jobbet skriva den med `git archive --prefix=%1` eller rätta receptnamnet i profilen.</translation>
    </message>
</context>
<context>
    <name>rc::tarball::TarballHasher</name>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="175"/>
        <source>&apos;%1&apos; is outside the top folder</source>
        <translation>&apos;%1&apos; ligger utanför toppmappen</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="185"/>
        <location filename="../app/tarball/tarballhasher.cpp" line="191"/>
        <source>&apos;%1&apos; links to &apos;%2&apos;, outside the top folder</source>
        <translation>&apos;%1&apos; länkar till &apos;%2&apos;, utanför toppmappen</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="228"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="229"/>
        <source>unreadable</source>
        <translation>oläsbar</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="233"/>
        <location filename="../app/tarball/tarballhasher.cpp" line="249"/>
        <source>not a tar archive compressed with bzip2, gzip or xz</source>
        <translation>inte ett tar-arkiv komprimerat med bzip2, gzip eller xz</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="244"/>
        <source>the archive holds nothing</source>
        <translation>arkivet innehåller ingenting</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="253"/>
        <location filename="../app/tarball/tarballhasher.cpp" line="261"/>
        <source>the tarball is damaged</source>
        <translation>tarball-filen är skadad</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="297"/>
        <source>SHA-256 by QCA is not available: the QCA ossl plugin providing it is not installed (Debian: libqca-qt6-plugins).</source>
        <translation>SHA-256 via QCA är inte tillgängligt: QCA-insticket ossl som tillhandahåller det är inte installerat (Debian: libqca-qt6-plugins).</translation>
    </message>
    <message>
        <location filename="../app/tarball/tarballhasher.cpp" line="315"/>
        <source>%1 (files at the top level: %2)</source>
        <translation>%1 (filer på översta nivån: %2)</translation>
    </message>
</context>
<context>
    <name>rc::ui::AboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="18"/>
        <source>About Release Console</source>
        <translation>Om Release Console</translation>
    </message>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="24"/>
        <source>&lt;h3&gt;Release Console %1&lt;/h3&gt;&lt;p&gt;Prepare, send and watch conda package releases built on GitHub Actions from GitLab sources.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCA&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Licensed under the BSD 3-Clause licence.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%5&quot;&gt;Home page&lt;/a&gt; · &lt;a href=&quot;%6&quot;&gt;Report a problem&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Release Console %1&lt;/h3&gt;&lt;p&gt;Förbered, skicka och bevaka releaser av conda-paket som byggs på GitHub Actions från källkod på GitLab.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCA&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Licensierad under BSD 3-Clause-licensen.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%5&quot;&gt;Webbplats&lt;/a&gt; · &lt;a href=&quot;%6&quot;&gt;Rapportera ett problem&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rc::ui::ChecksumPanel</name>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="19"/>
        <source>Compute Chec&amp;ksum</source>
        <translation>Beräk&amp;na kontrollsumma</translation>
    </message>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="21"/>
        <source>Find the commit&apos;s tarball, download it with the GitLab token and compute its SHA-256 (Ctrl+Shift+K)</source>
        <translation>Hitta incheckningens tarball, hämta den med GitLab-token och beräkna dess SHA-256 (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="23"/>
        <source>Ca&amp;ncel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="27"/>
        <source>Checksum progress</source>
        <translation>Kontrollsummans förlopp</translation>
    </message>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="100"/>
        <source>%1 of %2 at %3/s</source>
        <translation>%1 av %2 med %3/s</translation>
    </message>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="103"/>
        <source>unknown size</source>
        <translation>okänd storlek</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/checksumpanel.cpp" line="106"/>
        <source>, %n s left</source>
        <translation>
            <numerusform>, %n s kvar</numerusform>
            <numerusform>, %n s kvar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="121"/>
        <source>Cancelled: no checksum.</source>
        <translation>Avbruten: ingen kontrollsumma.</translation>
    </message>
    <message>
        <location filename="../ui/checksumpanel.cpp" line="127"/>
        <source>sha256 of %1 (%2), top folder %3/</source>
        <translation>sha256 för %1 (%2), översta mapp %3/</translation>
    </message>
</context>
<context>
    <name>rc::ui::CommitListModel</name>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="27"/>
        <source>no pipeline</source>
        <translation>ingen pipeline</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="29"/>
        <source>passed</source>
        <translation>lyckades</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="31"/>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="33"/>
        <source>running</source>
        <translation>körs</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="36"/>
        <source>pending</source>
        <translation>väntar</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="38"/>
        <source>canceled</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="40"/>
        <source>skipped</source>
        <translation>hoppades över</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="42"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="176"/>
        <source>Pipeline #%1: %2</source>
        <translation>Pipeline #%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="180"/>
        <source>%1

%2, %3</source>
        <translation>%1

%2, %3</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="196"/>
        <source>pipeline %1</source>
        <translation>pipeline %1</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="206"/>
        <source>Commit</source>
        <translation>Incheckning</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="208"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="210"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="212"/>
        <source>Author</source>
        <translation>Författare</translation>
    </message>
    <message>
        <location filename="../ui/commitlistmodel.cpp" line="214"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>rc::ui::CommitPicker</name>
    <message>
        <location filename="../ui/commitpicker.cpp" line="33"/>
        <source>Filter by title, author or sha</source>
        <translation>Filtrera på titel, författare eller sha</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="34"/>
        <source>Filter commits</source>
        <translation>Filtrera incheckningar</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="37"/>
        <source>Rel&amp;oad</source>
        <translation>L&amp;äs om</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="39"/>
        <source>Read the branch&apos;s commits and pipelines again</source>
        <translation>Läs grenens incheckningar och pipelines igen</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="43"/>
        <source>Commits</source>
        <translation>Incheckningar</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="69"/>
        <source>Show &amp;Author</source>
        <translation>Visa &amp;författare</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="70"/>
        <source>Show &amp;Date</source>
        <translation>Visa &amp;datum</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="139"/>
        <source>Could not read the commits: %1</source>
        <translation>Kunde inte läsa incheckningarna: %1</translation>
    </message>
    <message>
        <location filename="../ui/commitpicker.cpp" line="141"/>
        <source>Reading commits…</source>
        <translation>Läser incheckningar…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/commitpicker.cpp" line="143"/>
        <source>%n commits</source>
        <translation>
            <numerusform>%n incheckning</numerusform>
            <numerusform>%n incheckningar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rc::ui::HistoryDialog</name>
    <message>
        <location filename="../ui/historydialog.cpp" line="115"/>
        <source>Release History — Release Console</source>
        <translation>Releasehistorik — Release Console</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="124"/>
        <source>Filter by profile, version, outcome or commit</source>
        <translation>Filtrera på profil, version, utfall eller incheckning</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="126"/>
        <source>Filter the history</source>
        <translation>Filtrera historiken</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="132"/>
        <source>Release history</source>
        <translation>Releasehistorik</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="142"/>
        <source>&amp;Copy Install Line</source>
        <translation>&amp;Kopiera installationsrad</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="144"/>
        <source>&amp;Open Run</source>
        <translation>&amp;Öppna körning</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="146"/>
        <source>&amp;Watch Again</source>
        <translation>&amp;Bevaka igen</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="148"/>
        <source>Follow this release&apos;s run in the Runs panel: its platforms, its true outcome, a re-run&apos;s new attempt</source>
        <translation>Följ den här releasens körning i panelen Körningar: dess plattformar, dess verkliga utfall, en omkörnings nya försök</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="150"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="204"/>
        <source>Export the release history</source>
        <translation>Exportera releasehistoriken</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="205"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="215"/>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="216"/>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
</context>
<context>
    <name>rc::ui::HistoryModel</name>
    <message>
        <location filename="../ui/historydialog.cpp" line="73"/>
        <source>%1 %2 build %3 (%4) · %5</source>
        <translation>%1 %2 bygge %3 (%4) · %5</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="96"/>
        <source>Sent</source>
        <translation>Skickat</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="98"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="100"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="102"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../ui/historydialog.cpp" line="104"/>
        <source>Run</source>
        <translation>Körning</translation>
    </message>
</context>
<context>
    <name>rc::ui::KitDialog</name>
    <message>
        <location filename="../ui/kitdialog.cpp" line="29"/>
        <source>Recipes Repo Kit</source>
        <translation>Receptrepo-paket</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="33"/>
        <source>Writes a deploy workflow and a recipe template for a new recipes repo. The workflow takes the 8 release inputs and an optional dispatch_id, names its runs after them, fails the job when a build fails (still uploading its build summary), reads the patch from an environment variable and queues a second run instead of cancelling the first.</source>
        <translation>Skriver ett driftsättningsarbetsflöde och en receptmall för ett nytt receptrepo. Arbetsflödet tar de 8 release-indata och ett valfritt dispatch_id, namnger sina körningar efter dem, låter jobbet misslyckas när ett bygge misslyckas (och laddar ändå upp dess byggsammanfattning), läser patchen från en miljövariabel och köar en andra körning i stället för att avbryta den första.</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="42"/>
        <source>conda-build (meta.yaml)</source>
        <translation>conda-build (meta.yaml)</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="43"/>
        <source>rattler-build (recipe.yaml)</source>
        <translation>rattler-build (recipe.yaml)</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="44"/>
        <source>Builder</source>
        <translation>Byggverktyg</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="48"/>
        <source>Recipe folder name</source>
        <translation>Receptmappens namn</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="55"/>
        <location filename="../ui/kitdialog.cpp" line="56"/>
        <location filename="../ui/kitdialog.cpp" line="168"/>
        <source>Folder of the new recipes repo</source>
        <translation>Mapp för det nya receptrepot</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="57"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="63"/>
        <source>Replace the kit&apos;s files if they exist</source>
        <translation>Ersätt paketets filer om de finns</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="67"/>
        <source>&amp;Builder:</source>
        <translation>&amp;Byggverktyg:</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="68"/>
        <source>&amp;Recipe:</source>
        <translation>&amp;Recept:</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="70"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Mapp:</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="75"/>
        <source>Files of the kit</source>
        <translation>Paketets filer</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="78"/>
        <source>Text of the selected file</source>
        <translation>Texten i den valda filen</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="93"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="181"/>
        <source>Tick “%1” to replace them.</source>
        <translation>Kryssa i ”%1” för att ersätta dem.</translation>
    </message>
    <message>
        <location filename="../ui/kitdialog.cpp" line="184"/>
        <source>Written before the failure: %1</source>
        <translation>Skrivet före felet: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/kitdialog.cpp" line="188"/>
        <source>Wrote %n file(s) into %1.</source>
        <translation>
            <numerusform>Skrev %n fil till %1.</numerusform>
            <numerusform>Skrev %n filer till %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rc::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="79"/>
        <source>Sandbox: a local GitHub, GitLab and anaconda.org with demo data and tokens. Nothing you do here reaches a real forge, your keychain, settings or release history.</source>
        <translation>Sandlåda: ett lokalt GitHub, GitLab och anaconda.org med demodata och demotoken. Inget du gör här når en riktig kodvärd, din nyckelring, dina inställningar eller din releasehistorik.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="89"/>
        <location filename="../ui/mainwindow.cpp" line="203"/>
        <source>&amp;Preflight and Send…</source>
        <translation>&amp;Förhandskontroll och skicka…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="91"/>
        <source>Run every check and show what will be sent (Ctrl+Shift+D)</source>
        <translation>Kör alla kontroller och visa vad som kommer att skickas (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>Prepare and Send</source>
        <translation>Förbered och skicka</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>Commits</source>
        <translation>Incheckningar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="146"/>
        <source>Paste a [conda-build] commit message or fill the form.</source>
        <translation>Klistra in ett [conda-build]-incheckningsmeddelande eller fyll i formuläret.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174"/>
        <source>&amp;Open __init__.py…</source>
        <translation>&amp;Öppna __init__.py…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="178"/>
        <source>Load Commit &amp;Message…</source>
        <translation>&amp;Läs in incheckningsmeddelande…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="181"/>
        <source>Fill With &amp;Example</source>
        <translation>Fyll i med &amp;exempel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="184"/>
        <source>&amp;Copy JSON</source>
        <translation>&amp;Kopiera JSON</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="187"/>
        <source>&amp;Save JSON As…</source>
        <translation>&amp;Spara JSON som…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="191"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="198"/>
        <source>&amp;Release</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200"/>
        <source>Compute &amp;Checksum</source>
        <translation>Beräkna &amp;kontrollsumma</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="207"/>
        <source>&amp;Tools</source>
        <translation>&amp;Verktyg</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="208"/>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profiler…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="212"/>
        <source>Release &amp;History…</source>
        <translation>Release&amp;historik…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="226"/>
        <source>&amp;Tokens…</source>
        <translation>&amp;Token…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="232"/>
        <source>Recipes Repo &amp;Kit…</source>
        <translation>&amp;Receptrepo-paket…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="237"/>
        <source>%n files of the recipes-repo kit written</source>
        <translation>
            <numerusform>%n fil i receptrepo-paketet skriven</numerusform>
            <numerusform>%n filer i receptrepo-paketet skrivna</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="243"/>
        <source>A reference workflow and recipe for a new recipes repo, with the inputs this app sends</source>
        <translation>Ett referensarbetsflöde och recept för ett nytt receptrepo, med de indata som den här appen skickar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="247"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="252"/>
        <source>&amp;View</source>
        <translation>V&amp;isa</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="257"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="258"/>
        <source>&amp;About Release Console</source>
        <translation>&amp;Om Release Console</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="263"/>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="298"/>
        <source>Choose the package&apos;s __init__.py (Ctrl+O) to generate the patch.</source>
        <translation>Välj paketets __init__.py (Ctrl+O) för att generera patchen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>Release Console</source>
        <translation>Release Console</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="314"/>
        <source>%1 %2 — Release Console</source>
        <translation>%1 %2 — Release Console</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="383"/>
        <source>Keychain unavailable</source>
        <translation>Nyckelringen är inte tillgänglig</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="387"/>
        <source>Keyring locked</source>
        <translation>Nyckelringen är låst</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="387"/>
        <source>Unlock your keyring to use the stored tokens.</source>
        <translation>Lås upp din nyckelring för att använda de sparade token.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="392"/>
        <source>No %1 token is stored yet: add one to send and watch releases.</source>
        <translation>Ingen %1-token är sparad än: lägg till en för att skicka och bevaka releaser.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="396"/>
        <source>%1 token unusable</source>
        <translation>%1-token går inte att använda</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="401"/>
        <source>%1 token expires on %2</source>
        <translation>%1-token går ut %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="421"/>
        <location filename="../ui/mainwindow.cpp" line="427"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="424"/>
        <source>Profi&amp;le:</source>
        <translation>Profi&amp;l:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="446"/>
        <source>GitHub: %1 of %2 requests left, resets %3</source>
        <translation>GitHub: %1 av %2 förfrågningar kvar, nollställs %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="455"/>
        <source>%n earlier dispatches have an unknown outcome</source>
        <translation>
            <numerusform>%n tidigare utskick har ett okänt utfall</numerusform>
            <numerusform>%n tidigare utskick har ett okänt utfall</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="458"/>
        <source>A dispatch was recorded but its answer never came (a crash or a lost connection). The preflight looks for its run before anything else is sent.</source>
        <translation>Ett utskick registrerades men svaret kom aldrig (en krasch eller en förlorad anslutning). Förhandskontrollen letar efter dess körning innan något annat skickas.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <source>No profile yet: create one (Tools &gt; Profiles, Ctrl+Shift+P), or start with --sandbox to try everything with demo data.</source>
        <translation>Ingen profil än: skapa en (Verktyg &gt; Profiler, Ctrl+Shift+P), eller starta med --sandbox för att prova allt med demodata.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="493"/>
        <source>The sandbox opens in a window of its own.</source>
        <translation>Sandlådan öppnas i ett eget fönster.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="494"/>
        <source>The sandbox could not be started.</source>
        <translation>Sandlådan kunde inte startas.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="540"/>
        <source>There is no profile “%1”.</source>
        <translation>Det finns ingen profil ”%1”.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="622"/>
        <source>Commits of %1 (%2)</source>
        <translation>Incheckningar i %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="635"/>
        <source>Profile %1: pick a commit on the left.</source>
        <translation>Profil %1: välj en incheckning till vänster.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="679"/>
        <location filename="../ui/mainwindow.cpp" line="1004"/>
        <location filename="../ui/mainwindow.cpp" line="1028"/>
        <source>Cannot read %1: %2</source>
        <translation>Kan inte läsa %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="683"/>
        <source>Commit %1 chosen.</source>
        <translation>Incheckning %1 vald.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="686"/>
        <source>Its pipeline is %1.</source>
        <translation>Dess pipeline är %1.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="687"/>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="688"/>
        <source>Compute the checksum next (Ctrl+Shift+K).</source>
        <translation>Beräkna kontrollsumman härnäst (Ctrl+Shift+K).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="717"/>
        <source>%1 is not on anaconda.org yet; build %2 is the first.</source>
        <translation>%1 finns inte på anaconda.org än; bygge %2 är det första.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="718"/>
        <source>%1 is on %2; the next free build is %3.</source>
        <translation>%1 finns på %2; nästa lediga bygge är %3.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="730"/>
        <source>Tarball refused: %1</source>
        <translation>Tarball nekad: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="741"/>
        <source>Checksum computed. Next: the preflight (Ctrl+Shift+D).</source>
        <translation>Kontrollsumman är beräknad. Nästa steg: förhandskontrollen (Ctrl+Shift+D).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="742"/>
        <source>Checksum computed. Still to fix: %1</source>
        <translation>Kontrollsumman är beräknad. Återstår att rätta: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="851"/>
        <source>The run of %1 %2 cannot be watched: its profile “%3” no longer exists.</source>
        <translation>Körningen av %1 %2 kan inte bevakas: dess profil ”%3” finns inte längre.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="886"/>
        <source>Runs</source>
        <translation>Körningar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="940"/>
        <source>%1 %2 build %3</source>
        <translation>%1 %2 bygge %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="944"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="946"/>
        <source>%1: every platform succeeded</source>
        <translation>%1: alla plattformar lyckades</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="949"/>
        <source>%1: %2 of %3 platforms succeeded</source>
        <translation>%1: %2 av %3 plattformar lyckades</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="997"/>
        <source>Example release loaded: nothing is sent from this window yet.</source>
        <translation>Exempelrelease inläst: inget skickas från det här fönstret än.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1009"/>
        <source>Loaded %1</source>
        <translation>Läste in %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1015"/>
        <source>Choose the package&apos;s __init__.py</source>
        <translation>Välj paketets __init__.py</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1016"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python-filer (*.py);;Alla filer (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1023"/>
        <source>Load a commit message</source>
        <translation>Läs in ett incheckningsmeddelande</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1039"/>
        <source>Copied the compact JSON body to the clipboard.</source>
        <translation>Det kompakta JSON-innehållet kopierades till urklipp.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1045"/>
        <source>Save the dispatch JSON</source>
        <translation>Spara utskickets JSON</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1046"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1052"/>
        <source>Cannot save %1: %2</source>
        <translation>Kan inte spara %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1056"/>
        <source>Saved %1</source>
        <translation>Sparade %1</translation>
    </message>
</context>
<context>
    <name>rc::ui::MonitorWidget</name>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="29"/>
        <source>Cancel the run?</source>
        <translation>Avbryta körningen?</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="60"/>
        <source>Platforms</source>
        <translation>Plattformar</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="69"/>
        <source>&amp;Open in Browser</source>
        <translation>Öppna i &amp;webbläsare</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="70"/>
        <source>&amp;Cancel Run…</source>
        <translation>&amp;Avbryt körning…</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="71"/>
        <source>&amp;Re-run Failed Jobs</source>
        <translation>Kör &amp;misslyckade jobb igen</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="72"/>
        <source>Show &amp;Log</source>
        <translation>Visa &amp;logg</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="77"/>
        <source>The selected job&apos;s log, with the conda-build error found</source>
        <translation>Det valda jobbets logg, med det hittade conda-build-felet</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="162"/>
        <source>%1 %2 build %3 (label %4) · commit %5 %6</source>
        <translation>%1 %2 bygge %3 (etikett %4) · incheckning %5 %6</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="167"/>
        <source>Run #%1, attempt %2 · %3</source>
        <translation>Körning #%1, försök %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="177"/>
        <source>Waiting for GitHub to start the run…</source>
        <translation>Väntar på att GitHub ska starta körningen…</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="180"/>
        <source>Running.</source>
        <translation>Körs.</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="184"/>
        <source>Every platform succeeded. Install with: %1</source>
        <translation>Alla plattformar lyckades. Installera med: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="189"/>
        <source>The run ended: %1.</source>
        <translation>Körningen avslutades: %1.</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="190"/>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="195"/>
        <source>The run could not be found: %1</source>
        <translation>Körningen kunde inte hittas: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="199"/>
        <source>Watching stopped: %1</source>
        <translation>Bevakningen stoppades: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="205"/>
        <source>(no answer since %1: %2; retrying)</source>
        <translation>(inget svar sedan %1: %2; försöker igen)</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="249"/>
        <source>Cancel run #%1 of %2 %3? Builds still running stop; nothing already uploaded is removed.</source>
        <translation>Avbryta körning #%1 av %2 %3? Byggen som fortfarande pågår stoppas; inget som redan laddats upp tas bort.</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="259"/>
        <source>Cancel refused: %1</source>
        <translation>Avbrytning nekad: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="283"/>
        <source>GitHub has no failed job to re-run.</source>
        <translation>GitHub har inget misslyckat jobb att köra om.</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="289"/>
        <source>%1 failed under continue-on-error: re-run it when this attempt has ended.</source>
        <translation>%1 misslyckades under continue-on-error: kör om det när det här försöket har avslutats.</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="292"/>
        <source>Re-running %1 first: GitHub re-runs one job at a time, so re-run the next when this attempt has ended.</source>
        <translation>Kör om %1 först: GitHub kör om ett jobb i taget, så kör om nästa när det här försöket har avslutats.</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="297"/>
        <source>Re-run refused: %1</source>
        <translation>Omkörning nekad: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="319"/>
        <source>Job log — Release Console</source>
        <translation>Jobblogg — Release Console</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="320"/>
        <source>Reading the log…</source>
        <translation>Läser loggen…</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="333"/>
        <source>Full Log in Browser</source>
        <translation>Hela loggen i webbläsaren</translation>
    </message>
    <message>
        <location filename="../ui/monitorwidget.cpp" line="366"/>
        <source>The log could not be read: %1</source>
        <translation>Loggen kunde inte läsas: %1</translation>
    </message>
</context>
<context>
    <name>rc::ui::PlatformModel</name>
    <message>
        <location filename="../ui/platformmodel.cpp" line="97"/>
        <source>queued</source>
        <translation>köad</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="100"/>
        <source>running step %1 of %2: %3</source>
        <translation>kör steg %1 av %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="104"/>
        <source>running</source>
        <translation>körs</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="106"/>
        <source>success</source>
        <translation>lyckades</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="109"/>
        <source>failure (the job says success; the build summary says otherwise)</source>
        <translation>misslyckande (jobbet säger success; byggsammanfattningen säger något annat)</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="110"/>
        <source>failure</source>
        <translation>misslyckande</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="111"/>
        <source>failure at %1</source>
        <translation>misslyckande vid %1</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="113"/>
        <source>cancelled</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="115"/>
        <source>skipped</source>
        <translation>hoppades över</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="127"/>
        <source>%1:%2 of 6:00:00</source>
        <translation>%1:%2 av 6:00:00</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="154"/>
        <source>(helper job)</source>
        <translation>(hjälpjobb)</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="183"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="185"/>
        <source>Variant</source>
        <translation>Variant</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="187"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/platformmodel.cpp" line="189"/>
        <source>Elapsed</source>
        <translation>Förfluten tid</translation>
    </message>
</context>
<context>
    <name>rc::ui::PreflightDialog</name>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="31"/>
        <source>checking</source>
        <translation>kontrollerar</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="34"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="36"/>
        <source>warning</source>
        <translation>varning</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="38"/>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="40"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="65"/>
        <source>Send the release?</source>
        <translation>Skicka releasen?</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="67"/>
        <source>&amp;Send</source>
        <translation>&amp;Skicka</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="83"/>
        <source>Preflight — Release Console</source>
        <translation>Förhandskontroll — Release Console</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="87"/>
        <source>&lt;b&gt;%1 %2&lt;/b&gt; build %3 → %4/label/%5&lt;br&gt;commit %6 · %7 · %8</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt; bygge %3 → %4/label/%5&lt;br&gt;incheckning %6 · %7 · %8</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="98"/>
        <source>Checks</source>
        <translation>Kontroller</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="99"/>
        <source>State</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="99"/>
        <source>Check</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="99"/>
        <source>Reason and next step</source>
        <translation>Orsak och nästa steg</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="111"/>
        <source>The JSON body that will be sent</source>
        <translation>JSON-innehållet som kommer att skickas</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="118"/>
        <source>Body: %1 bytes sent as compact JSON; inputs %2 of %3 characters; patch %4 encoding.</source>
        <translation>Innehåll: %1 byte skickade som kompakt JSON; indata %2 av %3 tecken; patchkodning %4.</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="138"/>
        <source>&amp;Send…</source>
        <translation>&amp;Skicka…</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="170"/>
        <source>Sending… this window closes once GitHub&apos;s answer is recorded.</source>
        <translation>Skickar… det här fönstret stängs när GitHubs svar har registrerats.</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="222"/>
        <source>Not ready: fix what failed above, then open the preflight again.</source>
        <translation>Inte redo: rätta det som misslyckades ovan och öppna sedan förhandskontrollen igen.</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="224"/>
        <source>Ready, with warnings: read them before sending.</source>
        <translation>Redo, med varningar: läs dem innan du skickar.</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="226"/>
        <source>Ready to send.</source>
        <translation>Redo att skicka.</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="233"/>
        <source>Send %1 %2 build %3 (label %4) to %5, workflow %6?</source>
        <translation>Skicka %1 %2 bygge %3 (etikett %4) till %5, arbetsflöde %6?</translation>
    </message>
    <message>
        <location filename="../ui/preflightdialog.cpp" line="273"/>
        <source>Run: %1</source>
        <translation>Körning: %1</translation>
    </message>
</context>
<context>
    <name>rc::ui::PreviewPane</name>
    <message>
        <location filename="../ui/previewpane.cpp" line="50"/>
        <source>Dispatch JSON</source>
        <translation>Utskickets JSON</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="56"/>
        <source>&amp;JSON to send</source>
        <translation>&amp;JSON att skicka</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="61"/>
        <source>Generated patch</source>
        <translation>Genererad patch</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="64"/>
        <source>Patch safety notes</source>
        <translation>Säkerhetsanteckningar för patchen</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="69"/>
        <source>&amp;Patch</source>
        <translation>&amp;Patch</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="84"/>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tecken</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="90"/>
        <source>not ready: 1 problem to fix</source>
        <translation>inte redo: 1 problem att rätta</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="91"/>
        <source>not ready: %1 problems to fix</source>
        <translation>inte redo: %1 problem att rätta</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="93"/>
        <source>ready to send</source>
        <translation>redo att skicka</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="107"/>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="109"/>
        <source>sent encoded for printf &apos;…&apos; (%, \ and &apos; escaped), so the runner writes exactly this file</source>
        <translation>skickas kodad för printf &apos;…&apos; (%, \ och &apos; skyddade), så att köraren skriver exakt den här filen</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="111"/>
        <source>sent as is (raw): the workflow reads it from an environment variable</source>
        <translation>skickas som den är (raw): arbetsflödet läser den från en miljövariabel</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="113"/>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="114"/>
        <source>%1; %2 problems below</source>
        <translation>%1; %2 problem nedan</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="120"/>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location filename="../ui/previewpane.cpp" line="120"/>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
</context>
<context>
    <name>rc::ui::ProfilesDialog</name>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="28"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="30"/>
        <source>GitLab &amp;instance:</source>
        <translation>GitLab-&amp;instans:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="32"/>
        <source>GitLab &amp;project:</source>
        <translation>GitLab-&amp;projekt:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="34"/>
        <source>&amp;Branch:</source>
        <translation>&amp;Gren:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="36"/>
        <source>GitHub &amp;API:</source>
        <translation>GitHub-&amp;API:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="38"/>
        <source>&amp;Recipes repo:</source>
        <translation>Recept&amp;repo:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="40"/>
        <source>&amp;Workflow file:</source>
        <translation>Arbetsflödes&amp;fil:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="42"/>
        <source>Workflow r&amp;ef:</source>
        <translation>Arbetsflödets r&amp;ef:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="44"/>
        <source>&amp;Dispatch kind:</source>
        <translation>&amp;Typ av utskick:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="46"/>
        <source>E&amp;vent type:</source>
        <translation>Hän&amp;delsetyp:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="48"/>
        <source>Re&amp;cipe:</source>
        <translation>Re&amp;cept:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="50"/>
        <source>__init__.py &amp;path:</source>
        <translation>&amp;Sökväg till __init__.py:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="52"/>
        <source>&amp;Tarball source:</source>
        <translation>Tar&amp;ball-källa:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="54"/>
        <source>Tarball &amp;job:</source>
        <translation>Tarball-&amp;jobb:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="56"/>
        <source>Artifact pat&amp;h:</source>
        <translation>Artefakts&amp;ökväg:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="58"/>
        <source>Default c&amp;hannel:</source>
        <translation>Standardkana&amp;l:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="60"/>
        <source>Default &amp;label:</source>
        <translation>Standardeti&amp;kett:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="62"/>
        <source>anaconda.org API:</source>
        <translation>anaconda.org-API:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="64"/>
        <source>Patch en&amp;coding:</source>
        <translation>Patc&amp;hkodning:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="66"/>
        <source>Dispatch id in&amp;put:</source>
        <translation>Indata för &amp;utskicks-id:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="68"/>
        <source>GitLab certificate file:</source>
        <translation>GitLab-certifikatfil:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="70"/>
        <source>GitHub certificate file:</source>
        <translation>GitHub-certifikatfil:</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="80"/>
        <source>workflow_dispatch</source>
        <translation>workflow_dispatch</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="81"/>
        <source>repository_dispatch</source>
        <translation>repository_dispatch</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="83"/>
        <source>CI job artifact (by job id)</source>
        <translation>CI-jobbartefakt (efter jobb-id)</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="84"/>
        <source>repository archive (unstable bytes)</source>
        <translation>förrådsarkiv (instabila byte)</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="86"/>
        <source>printf (the workflow runs printf &apos;&lt;patch&gt;&apos;)</source>
        <translation>printf (arbetsflödet kör printf &apos;&lt;patch&gt;&apos;)</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="87"/>
        <source>raw (from an environment variable)</source>
        <translation>raw (från en miljövariabel)</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="115"/>
        <source>Profiles — Release Console</source>
        <translation>Profiler — Release Console</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="119"/>
        <source>Profiles</source>
        <translation>Profiler</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="120"/>
        <source>&amp;New</source>
        <translation>N&amp;y</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="122"/>
        <source>Remo&amp;ve…</source>
        <translation>Ta b&amp;ort…</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="274"/>
        <source>Replace profile</source>
        <translation>Ersätt profil</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="275"/>
        <source>A profile named &apos;%1&apos; exists. Replace it?</source>
        <translation>Det finns redan en profil med namnet &apos;%1&apos;. Ersätta den?</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="280"/>
        <source>Profile not saved</source>
        <translation>Profilen sparades inte</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="296"/>
        <source>Remove profile</source>
        <translation>Ta bort profil</translation>
    </message>
    <message>
        <location filename="../ui/profilesdialog.cpp" line="297"/>
        <source>Remove the profile &apos;%1&apos;? Its release history stays.</source>
        <translation>Ta bort profilen &apos;%1&apos;? Dess releasehistorik finns kvar.</translation>
    </message>
</context>
<context>
    <name>rc::ui::ReleaseForm</name>
    <message>
        <location filename="../ui/releaseform.cpp" line="35"/>
        <source>Problem with %1</source>
        <translation>Problem med %1</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="86"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="88"/>
        <source>&amp;Recipe:</source>
        <translation>&amp;Recept:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="89"/>
        <source>conda recipe folder, e.g. veloxchem</source>
        <translation>conda-receptmapp, t.ex. veloxchem</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="90"/>
        <source>Co&amp;mmit:</source>
        <translation>In&amp;checkning:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="90"/>
        <source>full commit id (40 hex digits)</source>
        <translation>fullständigt inchecknings-id (40 hexadecimala siffror)</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="92"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="92"/>
        <source>e.g. 1.0rc4 or 0.1.0.dev10</source>
        <translation>t.ex. 1.0rc4 eller 0.1.0.dev10</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="94"/>
        <source>&amp;Build:</source>
        <translation>&amp;Bygge:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="94"/>
        <source>build number, e.g. 0</source>
        <translation>byggnummer, t.ex. 0</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="95"/>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="95"/>
        <source>anaconda.org channel</source>
        <translation>anaconda.org-kanal</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="96"/>
        <source>&amp;Label:</source>
        <translation>&amp;Etikett:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="96"/>
        <source>e.g. dev or main</source>
        <translation>t.ex. dev eller main</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="97"/>
        <source>Tarball &amp;URL:</source>
        <translation>Tarball-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="98"/>
        <source>https://gitlab.example.org/api/v4/projects/…</source>
        <translation>https://gitlab.example.org/api/v4/projects/…</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="99"/>
        <source>&amp;SHA-256:</source>
        <translation>&amp;SHA-256:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="99"/>
        <source>64 hex digits</source>
        <translation>64 hexadecimala siffror</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="105"/>
        <location filename="../ui/releaseform.cpp" line="109"/>
        <source>Commit message</source>
        <translation>Incheckningsmeddelande</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="111"/>
        <source>Paste a commit message, e.g.
Deploy experimental package [conda-build]
package = {&quot;version&quot;: &quot;0.1.0.dev10&quot;, &quot;build&quot;: &quot;1&quot;, &quot;channel&quot;: &quot;robertodr&quot;, &quot;label&quot;: &quot;dev&quot;}</source>
        <translation>Klistra in ett incheckningsmeddelande, t.ex.
Deploy experimental package [conda-build]
package = {&quot;version&quot;: &quot;0.1.0.dev10&quot;, &quot;build&quot;: &quot;1&quot;, &quot;channel&quot;: &quot;robertodr&quot;, &quot;label&quot;: &quot;dev&quot;}</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="119"/>
        <source>&amp;Fill form from message</source>
        <translation>Fyll i formuläret från &amp;meddelandet</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="121"/>
        <source>Take version, build, channel and label from the message (Ctrl+Return)</source>
        <translation>Ta version, bygge, kanal och etikett från meddelandet (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="143"/>
        <source>Version patch</source>
        <translation>Versionspatch</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="147"/>
        <source>Path of __init__.py in the repository</source>
        <translation>Sökväg till __init__.py i förrådet</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="148"/>
        <source>&amp;Path in repository:</source>
        <translation>S&amp;ökväg i förrådet:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="154"/>
        <source>Author</source>
        <translation>Författare</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="155"/>
        <source>recorded in __deployed__</source>
        <translation>registreras i __deployed__</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="156"/>
        <source>&amp;Author:</source>
        <translation>Förfat&amp;tare:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="161"/>
        <source>No file chosen</source>
        <translation>Ingen fil vald</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="164"/>
        <source>Choose __init__.py…</source>
        <translation>Välj __init__.py…</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="168"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="178"/>
        <source>Dispatch</source>
        <translation>Utskick</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="182"/>
        <source>Dispatch kind</source>
        <translation>Typ av utskick</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="183"/>
        <source>workflow_dispatch</source>
        <translation>workflow_dispatch</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="184"/>
        <source>repository_dispatch</source>
        <translation>repository_dispatch</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="185"/>
        <source>&amp;Kind:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="191"/>
        <source>Workflow ref</source>
        <translation>Arbetsflödets ref</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="192"/>
        <source>R&amp;ef:</source>
        <translation>Re&amp;f:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="198"/>
        <source>Patch encoding</source>
        <translation>Patchkodning</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="199"/>
        <source>printf (the workflow runs printf &apos;&lt;patch&gt;&apos;)</source>
        <translation>printf (arbetsflödet kör printf &apos;&lt;patch&gt;&apos;)</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="201"/>
        <source>raw (the workflow reads an environment variable)</source>
        <translation>raw (arbetsflödet läser en miljövariabel)</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="204"/>
        <source>How the recipes repo&apos;s workflow writes the patch input to a file: the input is encoded so that the file on the runner is byte-identical to the patch.</source>
        <translation>Hur receptrepots arbetsflöde skriver patchens indata till en fil: indata kodas så att filen på köraren blir byte för byte identisk med patchen.</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="209"/>
        <source>Patch &amp;encoding:</source>
        <translation>&amp;Patchkodning:</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="321"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 byte)</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="374"/>
        <source>Nothing filled: the message has no usable package values.</source>
        <translation>Inget ifyllt: meddelandet har inga användbara paketvärden.</translation>
    </message>
    <message>
        <location filename="../ui/releaseform.cpp" line="376"/>
        <source>Filled %1 from the message.</source>
        <translation>%1 fylldes i från meddelandet.</translation>
    </message>
</context>
<context>
    <name>rc::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="23"/>
        <source>Settings — Release Console</source>
        <translation>Inställningar — Release Console</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="30"/>
        <location filename="../ui/settingsdialog.cpp" line="37"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="32"/>
        <source>How soon the run monitor asks GitHub again after a change</source>
        <translation>Hur snart körningsövervakaren frågar GitHub igen efter en ändring</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="39"/>
        <source>The longest the run monitor waits while nothing changes</source>
        <translation>Det längsta körningsövervakaren väntar medan inget ändras</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="41"/>
        <source>&amp;Notify me when a watched release has its outcome</source>
        <translation>&amp;Meddela mig när en bevakad release har fått sitt utfall</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="51"/>
        <source>As the system (%1)</source>
        <translation>Som systemet (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="57"/>
        <source>The language changes when Release Console starts again.</source>
        <translation>Språket ändras när Release Console startas om.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="68"/>
        <source>Shortest &amp;poll interval:</source>
        <translation>Kortaste a&amp;vfrågningsintervall:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="69"/>
        <source>&amp;Longest poll interval:</source>
        <translation>&amp;Längsta avfrågningsintervall:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="71"/>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Språk:</translation>
    </message>
</context>
<context>
    <name>rc::ui::TokensDialog</name>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="69"/>
        <source>Used for this run only; not saved in the keychain.</source>
        <translation>Används bara för den här körningen; sparas inte i nyckelringen.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="72"/>
        <source>Stored in the keychain.</source>
        <translation>Sparad i nyckelringen.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="74"/>
        <source>No token stored.</source>
        <translation>Ingen token sparad.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="76"/>
        <source>Unknown: the keyring is locked.</source>
        <translation>Okänt: nyckelringen är låst.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="111"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="119"/>
        <source>Keychain status</source>
        <translation>Nyckelringens status</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="124"/>
        <source>Tokens are kept in the system keychain (service &quot;release-console&quot;), one per forge and host, never in a file.</source>
        <translation>Token förvaras i systemets nyckelring (tjänsten &quot;release-console&quot;), en per kodvärd och värd, aldrig i en fil.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="166"/>
        <source>Forge of the new host</source>
        <translation>Den nya värdens kodvärd</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="171"/>
        <source>Host of the new token</source>
        <translation>Värd för den nya token</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="172"/>
        <source>another host, e.g. gitlab.example.org or ghe.example.com</source>
        <translation>en annan värd, t.ex. gitlab.example.org eller ghe.example.com</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="173"/>
        <source>&amp;Add Host</source>
        <translation>&amp;Lägg till värd</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="175"/>
        <source>Add:</source>
        <translation>Lägg till:</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="191"/>
        <source>Not a host name or URL: try gitlab.example.org</source>
        <translation>Inte ett värdnamn eller en URL: prova gitlab.example.org</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="223"/>
        <source>New token (ghp_… or github_pat_…)</source>
        <translation>Ny token (ghp_… eller github_pat_…)</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="224"/>
        <source>New token (glpat-…)</source>
        <translation>Ny token (glpat-…)</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="225"/>
        <source>New %1 token</source>
        <translation>Ny %1-token</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="231"/>
        <location filename="../ui/tokensdialog.cpp" line="273"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="232"/>
        <source>Show the typed token</source>
        <translation>Visa den inskrivna token</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="233"/>
        <source>Paste</source>
        <translation>Klistra in</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="236"/>
        <source>Test</source>
        <translation>Testa</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="239"/>
        <source>Ask the forge what the typed token (or, if none is typed, the saved one) can do</source>
        <translation>Fråga kodvärden vad den inskrivna token (eller, om ingen är inskriven, den sparade) kan göra</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="240"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="243"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="253"/>
        <source>Health of the %1 token</source>
        <translation>Hälsa för %1-token</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="273"/>
        <source>Hide</source>
        <translation>Dölj</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="345"/>
        <source>Not saved: %1.</source>
        <translation>Inte sparad: %1.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="349"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="354"/>
        <source>Saved in the keychain.</source>
        <translation>Sparad i nyckelringen.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="359"/>
        <source>Not saved: %1 The token is used for this run only.</source>
        <translation>Inte sparad: %1 Token används bara för den här körningen.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="364"/>
        <source>Not saved: %1</source>
        <translation>Inte sparad: %1</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="373"/>
        <source>Removing…</source>
        <translation>Tar bort…</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="379"/>
        <source>Removed.</source>
        <translation>Borttagen.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="381"/>
        <source>No token was stored; nothing to remove.</source>
        <translation>Ingen token var sparad; inget att ta bort.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="383"/>
        <source>Not removed: %1</source>
        <translation>Inte borttagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="390"/>
        <source>Checking tokens with the forge is not available in this build yet.</source>
        <translation>Att kontrollera token mot kodvärden finns inte i det här bygget än.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="395"/>
        <source>Asking %1…</source>
        <translation>Frågar %1…</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="401"/>
        <source>Could not ask %1: %2</source>
        <translation>Kunde inte fråga %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="417"/>
        <source>Cannot test: %1</source>
        <translation>Kan inte testa: %1</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="444"/>
        <source>The token cannot be used as it is: %1</source>
        <translation>Token kan inte användas som den är: %1</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="451"/>
        <source>The token works.</source>
        <translation>Token fungerar.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="491"/>
        <source>Until then, a token you save is kept for this run only and forgotten when Release Console quits.</source>
        <translation>Till dess behålls en token du sparar bara för den här körningen och glöms när Release Console avslutas.</translation>
    </message>
    <message>
        <location filename="../ui/tokensdialog.cpp" line="499"/>
        <source>Kept for this run only, forgotten when Release Console quits: %1.</source>
        <translation>Behålls bara för den här körningen, glöms när Release Console avslutas: %1.</translation>
    </message>
</context>
<context>
    <name>rc::ui::WelcomePage</name>
    <message>
        <location filename="../ui/welcomepage.cpp" line="18"/>
        <source>Welcome</source>
        <translation>Välkommen</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="19"/>
        <source>&lt;b&gt;Welcome to Release Console&lt;/b&gt;</source>
        <translation>&lt;b&gt;Välkommen till Release Console&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="21"/>
        <source>A profile says where a recipe&apos;s source lives on GitLab and which GitHub workflow builds it. Create one for your recipe, or first try a whole release in the sandbox: a local GitLab, GitHub and anaconda.org with demo data, where nothing reaches a real forge, your keychain or your history.</source>
        <translation>En profil anger var ett recepts källkod finns på GitLab och vilket GitHub-arbetsflöde som bygger det. Skapa en för ditt recept, eller prova först en hel release i sandlådan: ett lokalt GitLab, GitHub och anaconda.org med demodata, där inget når en riktig kodvärd, din nyckelring eller din historik.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="26"/>
        <source>&amp;Create a Profile…</source>
        <translation>&amp;Skapa en profil…</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="29"/>
        <source>Try the &amp;Sandbox</source>
        <translation>Prova sa&amp;ndlådan</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="31"/>
        <source>Opens a second window: release-console --sandbox</source>
        <translation>Öppnar ett andra fönster: release-console --sandbox</translation>
    </message>
</context>
<context>
    <name>rc::watch::LogDiagnosis</name>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="522"/>
        <source>The C++ compiler</source>
        <translation>C++-kompilatorn</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="525"/>
        <source>The C compiler</source>
        <translation>C-kompilatorn</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="527"/>
        <source>The Fortran compiler</source>
        <translation>Fortran-kompilatorn</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="529"/>
        <source>The CUDA compiler</source>
        <translation>CUDA-kompilatorn</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="530"/>
        <source>The compiler</source>
        <translation>Kompilatorn</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="714"/>
        <source>Nothing decisive was found in the log: no error line, failed test or refused upload.</source>
        <translation>Inget avgörande hittades i loggen: ingen felrad, inget misslyckat test eller nekad uppladdning.</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="890"/>
        <source>CMake stopped at %1:%2: %3</source>
        <translation>CMake stannade vid %1:%2: %3</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="892"/>
        <source>CMake stopped: %1</source>
        <translation>CMake stannade: %1</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="895"/>
        <source>The linker failed: %1</source>
        <translation>Länkaren misslyckades: %1</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="899"/>
        <source>%1 stopped at %2:%3: %4 %5</source>
        <translation>%1 stannade vid %2:%3: %4 %5</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="906"/>
        <source>%1 stopped at %2:%3: %4</source>
        <translation>%1 stannade vid %2:%3: %4</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="911"/>
        <source>The compiler driver %1 failed: %2</source>
        <translation>Kompilatordrivrutinen %1 misslyckades: %2</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="913"/>
        <source>The build script failed: %1</source>
        <translation>Byggskriptet misslyckades: %1</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="968"/>
        <source>conda could not solve the environment: %1</source>
        <translation>conda kunde inte lösa miljön: %1</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="971"/>
        <source>conda could not solve the environment: no package provides %1 on the channels searched</source>
        <translation>conda kunde inte lösa miljön: inget paket tillhandahåller %1 på de genomsökta kanalerna</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="975"/>
        <source>conda could not solve the environment: no package provides %1, needed by %2</source>
        <translation>conda kunde inte lösa miljön: inget paket tillhandahåller %1, som behövs av %2</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1126"/>
        <source>pytest: %1 failed, the first: %2</source>
        <translation>pytest: %1 misslyckades, det första: %2</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1127"/>
        <source>pytest: %1 failed, the first: %2 (%3)</source>
        <translation>pytest: %1 misslyckades, det första: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1130"/>
        <source>ctest: the test %1 failed</source>
        <translation>ctest: testet %1 misslyckades</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1133"/>
        <source>ctest: %1 of %2 tests failed</source>
        <translation>ctest: %1 av %2 tester misslyckades</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1134"/>
        <source>ctest: %1 of %2 tests failed, the first: %3</source>
        <translation>ctest: %1 av %2 tester misslyckades, det första: %3</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1140"/>
        <source>pytest: %1 failed</source>
        <translation>pytest: %1 misslyckades</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1142"/>
        <source>The package&apos;s tests failed: %1</source>
        <translation>Paketets tester misslyckades: %1</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1143"/>
        <source>The package&apos;s tests failed</source>
        <translation>Paketets tester misslyckades</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1165"/>
        <source>anaconda.org refused the upload: %1 already exists on the channel (409 Conflict); raise the build number, or upload with --force</source>
        <translation>anaconda.org nekade uppladdningen: %1 finns redan på kanalen (409 Conflict); höj byggnumret, eller ladda upp med --force</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1171"/>
        <source>anaconda.org refused the upload: %1</source>
        <translation>anaconda.org nekade uppladdningen: %1</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1186"/>
        <source>The tarball&apos;s SHA-256 checksum did not match the one that was sent</source>
        <translation>Tarball-filens SHA-256-kontrollsumma stämde inte med den som skickades</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1187"/>
        <source>The tarball&apos;s SHA-256 checksum did not match the one that was sent (%1)</source>
        <translation>Tarball-filens SHA-256-kontrollsumma stämde inte med den som skickades (%1)</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1198"/>
        <source>The deployment patch did not apply: %1</source>
        <translation>Driftsättningspatchen gick inte att tillämpa: %1</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1206"/>
        <source>The job was cancelled before it finished.</source>
        <translation>Jobbet avbröts innan det blev klart.</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1211"/>
        <source>A step failed (%1) but its output shows no known error; see the lines before it.</source>
        <translation>Ett steg misslyckades (%1) men dess utdata visar inget känt fel; se raderna före det.</translation>
    </message>
    <message>
        <location filename="../app/watch/logdiagnosis.cpp" line="1240"/>
        <source>The log is empty: there is nothing to diagnose.</source>
        <translation>Loggen är tom: det finns inget att diagnostisera.</translation>
    </message>
</context>
<context>
    <name>rc::watch::RunWatcher</name>
    <message>
        <location filename="../app/watch/runwatcher.cpp" line="412"/>
        <source>No run of %1 appeared within %2 seconds of the dispatch.</source>
        <translation>Ingen körning av %1 dök upp inom %2 sekunder efter utskicket.</translation>
    </message>
    <message>
        <location filename="../app/watch/runwatcher.cpp" line="437"/>
        <source>Run %1 could not be found: GitHub answered “not found” for %2 seconds.</source>
        <translation>Körning %1 kunde inte hittas: GitHub svarade ”hittades inte” i %2 sekunder.</translation>
    </message>
    <message>
        <location filename="../app/watch/runwatcher.cpp" line="541"/>
        <source>The build summary of %1 could not be read (%2): its outcome is not known, so it is shown as a failure.</source>
        <translation>Byggsammanfattningen för %1 kunde inte läsas (%2): utfallet är okänt, så det visas som ett misslyckande.</translation>
    </message>
    <message>
        <location filename="../app/watch/runwatcher.cpp" line="595"/>
        <source>The run could not be looked for: %1</source>
        <translation>Det gick inte att leta efter körningen: %1</translation>
    </message>
</context>
</TS>
