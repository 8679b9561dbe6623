<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ErrorText</name>
    <message>
        <source>not a valid http or https address</source>
        <translation>keine gültige http- oder https-Adresse</translation>
    </message>
    <message>
        <source>unsupported address (only http and https)</source>
        <translation>nicht unterstützte Adresse (nur http und https)</translation>
    </message>
    <message>
        <source>server not found</source>
        <translation>Server nicht gefunden</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>der Server hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>secure connection failed: the certificate is not trusted</source>
        <translation>sichere Verbindung fehlgeschlagen: dem Zertifikat wird nicht vertraut</translation>
    </message>
    <message>
        <source>HTTP %1: a user name and password are needed</source>
        <translation>HTTP %1: Benutzername und Passwort sind nötig</translation>
    </message>
    <message>
        <source>HTTP %1: access forbidden</source>
        <translation>HTTP %1: Zugriff verboten</translation>
    </message>
    <message>
        <source>HTTP %1: not on the server</source>
        <translation>HTTP %1: nicht auf dem Server</translation>
    </message>
    <message>
        <source>HTTP %1: the server is busy or failing</source>
        <translation>HTTP %1: der Server ist überlastet oder gestört</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>a redirect without a usable address</source>
        <translation>eine Weiterleitung ohne brauchbare Adresse</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>zu viele Weiterleitungen</translation>
    </message>
    <message>
        <source>refused a redirect from https to http</source>
        <translation>Weiterleitung von https auf http abgelehnt</translation>
    </message>
    <message>
        <source>the server sent a broken answer</source>
        <translation>der Server hat eine fehlerhafte Antwort gesendet</translation>
    </message>
    <message>
        <source>no data from the server</source>
        <translation>keine Daten vom Server</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no free file name</source>
        <translation>kein freier Dateiname</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>die Festplatte ist voll</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>checksum mismatch</source>
        <translation>Prüfsumme stimmt nicht</translation>
    </message>
    <message>
        <source>Check your connection, then Resume: what was downloaded is kept.</source>
        <translation>Prüfen Sie die Verbindung, dann „Fortsetzen“: was heruntergeladen wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>If this server uses a certificate authority of your own, add it in Preferences, Extra CA certificate, then Resume.</source>
        <translation>Wenn dieser Server eine eigene Zertifizierungsstelle verwendet, tragen Sie sie unter Einstellungen, Zusätzliches CA-Zertifikat ein, dann „Fortsetzen“.</translation>
    </message>
    <message>
        <source>The link may have expired: get a new one from the web page and use Replace address.</source>
        <translation>Der Link ist vielleicht abgelaufen: holen Sie einen neuen von der Webseite und nutzen Sie „Adresse ersetzen“.</translation>
    </message>
    <message>
        <source>Free some space, then Resume: the bytes written so far are kept.</source>
        <translation>Geben Sie Speicherplatz frei, dann „Fortsetzen“: die bisher geschriebenen Bytes bleiben erhalten.</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write there.</source>
        <translation>Prüfen Sie, ob der Ordner existiert und Sie dort schreiben dürfen.</translation>
    </message>
    <message>
        <source>The file is kept for inspection; the checksum given may be for another version.</source>
        <translation>Die Datei bleibt zur Untersuchung erhalten; die angegebene Prüfsumme gehört vielleicht zu einer anderen Version.</translation>
    </message>
    <message>
        <source>Got: %1</source>
        <translation>Erhalten: %1</translation>
    </message>
    <message>
        <source>another bytehaul is downloading this file</source>
        <translation>ein anderes bytehaul lädt diese Datei herunter</translation>
    </message>
    <message>
        <source>a request header is not valid</source>
        <translation>ein Anfrage-Header ist ungültig</translation>
    </message>
</context>
<context>
    <name>bytehaul</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Lädt herunter</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Prüfe</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>bytehaul::ControlFile</name>
    <message numerus="yes">
        <source>the control file is truncated (%n byte(s))</source>
        <translation>
            <numerusform>die Steuerdatei ist abgeschnitten (%n Byte)</numerusform>
            <numerusform>die Steuerdatei ist abgeschnitten (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>not a bytehaul control file</source>
        <translation>keine bytehaul-Steuerdatei</translation>
    </message>
    <message>
        <source>control file version %1 is newer than this program understands (%2)</source>
        <translation>die Steuerdatei hat Version %1, neuer als dieses Programm versteht (%2)</translation>
    </message>
    <message>
        <source>the control file is truncated</source>
        <translation>die Steuerdatei ist abgeschnitten</translation>
    </message>
    <message>
        <source>the control file is corrupt (checksum mismatch)</source>
        <translation>die Steuerdatei ist beschädigt (Prüfsumme stimmt nicht)</translation>
    </message>
    <message>
        <source>the control file names an unknown download mode</source>
        <translation>die Steuerdatei nennt eine unbekannte Download-Art</translation>
    </message>
    <message>
        <source>the control file&apos;s sizes are impossible</source>
        <translation>die Größen in der Steuerdatei sind unmöglich</translation>
    </message>
    <message>
        <source>the control file&apos;s piece count does not match its size</source>
        <translation>die Stückzahl in der Steuerdatei passt nicht zu ihrer Größe</translation>
    </message>
    <message>
        <source>the control file&apos;s piece map is damaged</source>
        <translation>die Stückkarte der Steuerdatei ist beschädigt</translation>
    </message>
    <message>
        <source>the control file&apos;s piece map does not fit the file</source>
        <translation>die Stückkarte der Steuerdatei passt nicht zur Datei</translation>
    </message>
    <message>
        <source>the control file&apos;s piece checksums are damaged</source>
        <translation>die Stück-Prüfsummen der Steuerdatei sind beschädigt</translation>
    </message>
    <message>
        <source>the control file&apos;s segment list is damaged</source>
        <translation>die Abschnittsliste der Steuerdatei ist beschädigt</translation>
    </message>
    <message>
        <source>the control file&apos;s progress is impossible</source>
        <translation>der Fortschritt in der Steuerdatei ist unmöglich</translation>
    </message>
    <message>
        <source>cannot read the control file: %1</source>
        <translation>die Steuerdatei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>bytehaul::CookieFile</name>
    <message>
        <source>line %1: not a cookie (seven tab-separated fields expected)</source>
        <translation>Zeile %1: kein Cookie (sieben durch Tabulatoren getrennte Felder erwartet)</translation>
    </message>
</context>
<context>
    <name>bytehaul::EngineCore</name>
    <message>
        <source>No such download.</source>
        <translation>Diesen Download gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>bytehaul::FileWriter</name>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>das Speicherkontingent ist überschritten</translation>
    </message>
    <message>
        <source>the data could not be saved</source>
        <translation>die Daten konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read %1 to check it: %2</source>
        <translation>%1 kann zum Prüfen nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot open %1 for writing: %2</source>
        <translation>%1 kann nicht zum Schreiben geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Not enough disk space for %1: it needs %2 more bytes, %3 are free</source>
        <translation>Nicht genug Speicherplatz für %1: es braucht %2 Bytes mehr, %3 sind frei</translation>
    </message>
    <message>
        <source>Not enough space for %1 (%2 bytes): %3</source>
        <translation>Nicht genug Platz für %1 (%2 Bytes): %3</translation>
    </message>
    <message>
        <source>Cannot size %1: %2</source>
        <translation>Die Größe von %1 kann nicht festgelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The output file is not open</source>
        <translation>Die Zieldatei ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Cannot sync %1: %2</source>
        <translation>%1 kann nicht auf die Platte gebracht werden: %2</translation>
    </message>
</context>
<context>
    <name>bytehaul::RangedTransfer</name>
    <message numerus="yes">
        <source>The server refused connection %1 (%2); going on with %n connection(s).</source>
        <translation>
            <numerusform>Der Server hat Verbindung %1 abgelehnt (%2); es geht mit %n Verbindung weiter.</numerusform>
            <numerusform>Der Server hat Verbindung %1 abgelehnt (%2); es geht mit %n Verbindungen weiter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::ReplyCheck</name>
    <message>
        <source>%1: the file on the server has changed (it no longer matches its ETag or date)</source>
        <translation>%1: die Datei auf dem Server hat sich geändert (ETag oder Datum stimmen nicht mehr)</translation>
    </message>
    <message>
        <source>%1: the server ignored the byte range and sent the whole file (HTTP 200); nothing was written from that answer</source>
        <translation>%1: der Server hat den Byte-Bereich ignoriert und die ganze Datei geschickt (HTTP 200); aus dieser Antwort wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1: the file on the server changed size (%2 bytes, was %3)</source>
        <translation>%1: die Datei auf dem Server hat ihre Größe geändert (%2 Bytes, vorher %3)</translation>
    </message>
    <message>
        <source>%1: the server answered bytes %2 for the range %3-%4 of %5 bytes; nothing was written from that answer</source>
        <translation>%1: der Server hat die Bytes %2 für den Bereich %3-%4 von %5 Bytes geliefert; aus dieser Antwort wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1: Content-Length %2 does not match the range of %3 bytes</source>
        <translation>%1: Content-Length %2 passt nicht zum Bereich von %3 Bytes</translation>
    </message>
    <message>
        <source>%1: the server compressed a byte range (Content-Encoding: %2)</source>
        <translation>%1: der Server hat einen Byte-Bereich komprimiert (Content-Encoding: %2)</translation>
    </message>
    <message>
        <source>%1: HTTP %2 redirect without a Location header</source>
        <translation>%1: HTTP-%2-Umleitung ohne Location-Kopfzeile</translation>
    </message>
    <message>
        <source>%1: no data received for too long (read timeout)</source>
        <translation>%1: zu lange keine Daten empfangen (Lese-Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation>%1: HTTP %2 %3</translation>
    </message>
    <message>
        <source>%1 (the server is busy or failing; retrying)</source>
        <translation>%1 (der Server ist ausgelastet oder gestört; neuer Versuch folgt)</translation>
    </message>
    <message>
        <source>%1: the server wants a user name and password</source>
        <translation>%1: der Server verlangt Benutzername und Passwort</translation>
    </message>
    <message>
        <source>%1: access is forbidden (the link may have expired)</source>
        <translation>%1: Zugriff verweigert (der Link ist vielleicht abgelaufen)</translation>
    </message>
    <message>
        <source>%1: the file is not on the server; check the address</source>
        <translation>%1: die Datei ist nicht auf dem Server; prüfen Sie die Adresse</translation>
    </message>
    <message>
        <source>%1: HTTP %2 redirect without a usable Location</source>
        <translation>%1: HTTP-%2-Umleitung ohne brauchbares Ziel</translation>
    </message>
    <message>
        <source>%1: unsupported address (only http and https)</source>
        <translation>%1: nicht unterstützte Adresse (nur http und https)</translation>
    </message>
    <message>
        <source>%1: host not found; check the address and your connection</source>
        <translation>%1: Host nicht gefunden; prüfen Sie die Adresse und Ihre Verbindung</translation>
    </message>
    <message>
        <source>%1: secure connection failed: %2</source>
        <translation>%1: sichere Verbindung fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: too many redirects (more than 10)</source>
        <translation>%1: zu viele Umleitungen (mehr als 10)</translation>
    </message>
    <message>
        <source>%1: refused a redirect from https to http</source>
        <translation>%1: Umleitung von https nach http abgelehnt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the file on the server has changed (ETag %2, was %3)</source>
        <translation>%1: die Datei auf dem Server hat sich geändert (ETag %2, vorher %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>%1: redirected to %2, another server; following without the credentials given for the first</source>
        <translation>%1: umgeleitet zu %2, einem anderen Server; die Umleitung wird ohne die für den ersten angegebenen Zugangsdaten verfolgt</translation>
    </message>
    <message>
        <source>%1: redirected to %2</source>
        <translation>%1: umgeleitet zu %2</translation>
    </message>
</context>
<context>
    <name>bytehaul::SafeFileText</name>
    <message>
        <source>%1 is a symbolic link; bytehaul does not write or read through links</source>
        <translation>%1 ist ein symbolischer Link; bytehaul schreibt und liest nicht durch Links</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 ist größer als %2 Bytes</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot sync %1: %2</source>
        <translation>%1 kann nicht synchronisiert werden: %2</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>%1 kann nicht ersetzt werden</translation>
    </message>
</context>
<context>
    <name>bytehaul::Session</name>
    <message>
        <source>%1: no answer within %2 s (connect timeout)</source>
        <translation>%1: keine Antwort innerhalb von %2 s (Verbindungs-Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>The save interval must be positive (got %1 ms)</source>
        <translation>Der Speicherabstand muss positiv sein (erhalten: %1 ms)</translation>
    </message>
    <message>
        <source>Pause the download before replacing its address.</source>
        <translation>Halten Sie den Download an, bevor Sie seine Adresse ersetzen.</translation>
    </message>
    <message>
        <source>Another address is being checked.</source>
        <translation>Eine andere Adresse wird gerade geprüft.</translation>
    </message>
    <message>
        <source>Address replaced (%1).</source>
        <translation>Adresse ersetzt (%1).</translation>
    </message>
    <message>
        <source>nothing downloaded yet</source>
        <translation>noch nichts heruntergeladen</translation>
    </message>
    <message>
        <source>Address not replaced: %1</source>
        <translation>Adresse nicht ersetzt: %1</translation>
    </message>
    <message>
        <source>The server does not support resuming; the download will restart from the beginning.</source>
        <translation>Der Server kann nicht fortsetzen; der Download beginnt von vorn.</translation>
    </message>
    <message>
        <source>Could not save progress: %1</source>
        <translation>Der Fortschritt konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1. Paused: free some space, then resume; the bytes written so far are kept.</source>
        <translation>%1. Angehalten: schaffen Sie Platz und setzen Sie dann fort; die bisher geschriebenen Bytes bleiben erhalten.</translation>
    </message>
    <message>
        <source>Could not finish writing %1</source>
        <translation>%1 konnte nicht fertig geschrieben werden</translation>
    </message>
    <message>
        <source>%1 checksum mismatch: expected %2, got %3 (the file is kept for inspection)</source>
        <translation>%1-Prüfsumme stimmt nicht: erwartet %2, erhalten %3 (die Datei bleibt zur Untersuchung erhalten)</translation>
    </message>
    <message>
        <source>%1: not a valid http or https address</source>
        <translation>%1: keine gültige http- oder https-Adresse</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Starting over as asked; the earlier partial download is replaced.</source>
        <translation>Neubeginn wie gewünscht; der frühere Teil-Download wird ersetzt.</translation>
    </message>
    <message>
        <source>Warning: %1 (%2); starting this download over from the beginning.</source>
        <translation>Warnung: %1 (%2); dieser Download beginnt von vorn.</translation>
    </message>
    <message>
        <source>No free file name for %1 in %2</source>
        <translation>Kein freier Dateiname für %1 in %2</translation>
    </message>
    <message>
        <source>%1 already exists; saving as %2</source>
        <translation>%1 gibt es schon; wird als %2 gespeichert</translation>
    </message>
    <message>
        <source>the earlier attempt could not be resumed (the server sent it in one piece)</source>
        <translation>der frühere Versuch ließ sich nicht fortsetzen (der Server hat ihn am Stück gesendet)</translation>
    </message>
    <message>
        <source>the file on the server changed size (%1, was %2)</source>
        <translation>die Datei auf dem Server hat ihre Größe geändert (%1, vorher %2)</translation>
    </message>
    <message>
        <source>the file on the server changed (ETag %1, was %2)</source>
        <translation>die Datei auf dem Server hat sich geändert (ETag %1, vorher %2)</translation>
    </message>
    <message>
        <source>the file on the server changed (modified %1, was %2)</source>
        <translation>die Datei auf dem Server hat sich geändert (geändert am %1, vorher %2)</translation>
    </message>
    <message>
        <source>the partial file is shorter than its control file says</source>
        <translation>die Teildatei ist kürzer, als ihre Steuerdatei angibt</translation>
    </message>
    <message>
        <source>%1: unexpected HTTP %2</source>
        <translation>%1: unerwartetes HTTP %2</translation>
    </message>
    <message>
        <source>The server compresses ranges; using one connection.</source>
        <translation>Der Server komprimiert Bereiche; es wird eine Verbindung verwendet.</translation>
    </message>
    <message>
        <source>The server&apos;s range answer was unusable (%1); using one connection.</source>
        <translation>Die Bereichsantwort des Servers war unbrauchbar (%1); es wird eine Verbindung verwendet.</translation>
    </message>
    <message>
        <source>Starting over: %1. Old and new bytes are never mixed.</source>
        <translation>Neubeginn: %1. Alte und neue Bytes werden nie vermischt.</translation>
    </message>
    <message>
        <source>Starting over: the server now sends the whole file and cannot continue the earlier attempt.</source>
        <translation>Neubeginn: der Server schickt jetzt die ganze Datei und kann den früheren Versuch nicht fortsetzen.</translation>
    </message>
    <message>
        <source>The server does not support byte ranges; using one connection.</source>
        <translation>Der Server unterstützt keine Byte-Bereiche; es wird eine Verbindung verwendet.</translation>
    </message>
    <message>
        <source>Starting over: the earlier attempt cannot be continued with this server.</source>
        <translation>Neubeginn: der frühere Versuch lässt sich mit diesem Server nicht fortsetzen.</translation>
    </message>
    <message>
        <source>Resumed: %1 already on disk.</source>
        <translation>Fortgesetzt: %1 sind schon auf der Platte.</translation>
    </message>
    <message numerus="yes">
        <source>Resumed: %1 already on disk; %n damaged piece(s) will be fetched again.</source>
        <translation>
            <numerusform>Fortgesetzt: %1 sind schon auf der Platte; %n beschädigtes Stück wird neu geladen.</numerusform>
            <numerusform>Fortgesetzt: %1 sind schon auf der Platte; %n beschädigte Stücke werden neu geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; starting over from the beginning.</source>
        <translation>%1; Neubeginn von vorn.</translation>
    </message>
    <message>
        <source>%1: the server sent an invalid Content-Length (%2)</source>
        <translation>%1: der Server hat eine ungültige Content-Length gesendet (%2)</translation>
    </message>
    <message>
        <source>%1; the server cannot resume, so the download restarts from the beginning.</source>
        <translation>%1; der Server kann nicht fortsetzen, daher beginnt der Download von vorn.</translation>
    </message>
    <message numerus="yes">
        <source>No data for %n second(s); the last attempt failed with: %1</source>
        <translation>
            <numerusform>Seit %n Sekunde keine Daten; der letzte Versuch scheiterte mit: %1</numerusform>
            <numerusform>Seit %n Sekunden keine Daten; der letzte Versuch scheiterte mit: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2</source>
        <translation>%1 kann nicht in %2 umbenannt werden</translation>
    </message>
    <message>
        <source>No free file name for %1</source>
        <translation>Kein freier Dateiname für %1</translation>
    </message>
    <message>
        <source>%1 appeared meanwhile; saved as %2</source>
        <translation>%1 ist inzwischen entstanden; gespeichert als %2</translation>
    </message>
    <message>
        <source>%1 is already being downloaded by another bytehaul process</source>
        <translation>%1 wird bereits von einem anderen bytehaul-Prozess heruntergeladen</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 is kept as it is; this download starts over as %2</source>
        <translation>%1 bleibt unverändert; dieser Download beginnt neu als %2</translation>
    </message>
    <message numerus="yes">
        <source>%1; the file changed on the server %n time(s) during this download, so it cannot be downloaded consistently</source>
        <translation>
            <numerusform>%1; die Datei hat sich während dieses Downloads %n Mal auf dem Server geändert und kann daher nicht einheitlich heruntergeladen werden</numerusform>
            <numerusform>%1; die Datei hat sich während dieses Downloads %n Mal auf dem Server geändert und kann daher nicht einheitlich heruntergeladen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>The server gives no ETag or Last-Modified, so %n sampled range(s) were fetched again and compared: they match.</source>
        <translation>
            <numerusform>Der Server nennt weder ETag noch Last-Modified, daher wurde %n Stichprobe erneut geladen und verglichen: sie stimmt überein.</numerusform>
            <numerusform>Der Server nennt weder ETag noch Last-Modified, daher wurden %n Stichproben erneut geladen und verglichen: sie stimmen überein.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1 to check it: %2</source>
        <translation>%1 kann zum Prüfen nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not check the file against the server: %1</source>
        <translation>Die Datei konnte nicht mit dem Server abgeglichen werden: %1</translation>
    </message>
    <message>
        <source>the download was resumed while the address was being checked</source>
        <translation>der Download wurde fortgesetzt, während die Adresse geprüft wurde</translation>
    </message>
    <message>
        <source>%1: the server says the file is %2 bytes, more than bytehaul can download (%3 bytes at most)</source>
        <translation>%1: Der Server gibt die Datei mit %2 Bytes an, mehr als bytehaul herunterladen kann (höchstens %3 Bytes)</translation>
    </message>
    <message>
        <source>Not enough disk space for %1: it needs %2 more bytes, %3 are free</source>
        <translation>Nicht genug Speicherplatz für %1: es braucht %2 Bytes mehr, %3 sind frei</translation>
    </message>
    <message>
        <source>%1: the request header &apos;%2&apos; is not a valid HTTP header</source>
        <translation>%1: Der Anfrage-Header „%2“ ist kein gültiger HTTP-Header</translation>
    </message>
    <message>
        <source>%1: the User-Agent holds a line break or control character</source>
        <translation>%1: Der User-Agent enthält einen Zeilenumbruch oder ein Steuerzeichen</translation>
    </message>
    <message>
        <source>%1: too many redirects (more than 10)</source>
        <translation>%1: zu viele Umleitungen (mehr als 10)</translation>
    </message>
    <message>
        <source>Redirected to %1; the credentials given for %2 stay there.</source>
        <translation>Umgeleitet zu %1; die für %2 angegebenen Zugangsdaten bleiben dort.</translation>
    </message>
</context>
<context>
    <name>bytehaul::StreamTransfer</name>
    <message>
        <source>%1: the server sent more bytes than its Content-Length (%2)</source>
        <translation>%1: der Server hat mehr Bytes gesendet als seine Content-Length (%2)</translation>
    </message>
    <message>
        <source>%1: the connection closed after %2 of %3 bytes</source>
        <translation>%1: die Verbindung wurde nach %2 von %3 Bytes geschlossen</translation>
    </message>
</context>
<context>
    <name>bytehaul::UrlReplacer</name>
    <message>
        <source>%1 is not an http or https address</source>
        <translation>%1 ist keine http- oder https-Adresse</translation>
    </message>
    <message>
        <source>%1 does not answer byte ranges (HTTP %2), so it cannot continue this download</source>
        <translation>%1 beantwortet keine Byte-Bereiche (HTTP %2) und kann diesen Download daher nicht fortsetzen</translation>
    </message>
    <message>
        <source>%1 serves a file of another size (%2 bytes, this download has %3)</source>
        <translation>%1 liefert eine Datei anderer Größe (%2 Bytes, dieser Download hat %3)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>same size and ETag</source>
        <translation>gleiche Größe und gleiches ETag</translation>
    </message>
    <message>
        <source>%1 serves another version of the file (ETag %2, this download has %3)</source>
        <translation>%1 liefert eine andere Version der Datei (ETag %2, dieser Download hat %3)</translation>
    </message>
    <message>
        <source>%1 serves a file modified at another time (%2, this download has %3)</source>
        <translation>%1 liefert eine zu anderer Zeit geänderte Datei (%2, dieser Download hat %3)</translation>
    </message>
    <message numerus="yes">
        <source>same size, and %n sampled range(s) match</source>
        <translation>
            <numerusform>gleiche Größe, und %n Stichprobe stimmt überein</numerusform>
            <numerusform>gleiche Größe, und %n Stichproben stimmen überein</numerusform>
        </translation>
    </message>
    <message>
        <source>same size (nothing downloaded yet to compare)</source>
        <translation>gleiche Größe (noch nichts heruntergeladen, das man vergleichen könnte)</translation>
    </message>
    <message>
        <source>%1 serves different content (bytes %2-%3 do not match the ones on disk)</source>
        <translation>%1 liefert anderen Inhalt (die Bytes %2-%3 stimmen nicht mit denen auf der Platte überein)</translation>
    </message>
    <message>
        <source>%1: the answer had %2 of %3 bytes (cut short)</source>
        <translation>%1: die Antwort hatte %2 von %3 Bytes (abgebrochen)</translation>
    </message>
</context>
<context>
    <name>bytehaul::Worker</name>
    <message>
        <source>%1: no answer within %2 s (connect timeout)</source>
        <translation>%1: keine Antwort innerhalb von %2 s (Verbindungs-Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>%1: the server sent more bytes than the range asked for</source>
        <translation>%1: der Server hat mehr Bytes gesendet als der Bereich verlangt</translation>
    </message>
    <message>
        <source>%1: the connection closed after %2 of %3 bytes of a segment</source>
        <translation>%1: die Verbindung wurde nach %2 von %3 Bytes eines Abschnitts geschlossen</translation>
    </message>
    <message>
        <source>%1: no data for %2 s on a connection that was delivering %3 KiB/s; asking again</source>
        <translation>%1: seit %2 s keine Daten auf einer Verbindung, die %3 KiB/s lieferte; neue Anfrage</translation>
    </message>
    <message>
        <source>%1: no data for %2 s before the answer started; asking again (this server may take up to %3 s next time)</source>
        <translation>%1: %2 s lang keine Daten, bevor die Antwort begann; neue Anfrage (dieser Server darf beim nächsten Mal bis zu %3 s brauchen)</translation>
    </message>
</context>
<context>
    <name>bytehaul::cli::CliApp</name>
    <message>
        <source>Interrupted: progress saved. Run the same command again to resume.</source>
        <translation>Unterbrochen: Fortschritt gespeichert. Führen Sie denselben Befehl erneut aus, um fortzusetzen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Downloading %1 -&gt; %2 (%3, %n connection(s))</source>
        <translation>
            <numerusform>Lade %1 -&gt; %2 (%3, %n Verbindung)</numerusform>
            <numerusform>Lade %1 -&gt; %2 (%3, %n Verbindungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Completed %1 (%2)</source>
        <translation>Fertig: %1 (%2)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3/%4 %5/s ETA %6 [%n conn]</source>
        <translation>
            <numerusform>%1 %2 %3/%4 %5/s Rest %6 [%n Verb.]</numerusform>
            <numerusform>%1 %2 %3/%4 %5/s Rest %6 [%n Verb.]</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 downloads</source>
        <translation>%1 Downloads</translation>
    </message>
    <message>
        <source>%1 already existed and was left alone; the download was saved as %2</source>
        <translation>%1 existierte bereits und blieb unverändert; der Download wurde als %2 gespeichert</translation>
    </message>
    <message>
        <source>%1 is not a safe file name; the download was saved as %2</source>
        <translation>%1 ist kein sicherer Dateiname; der Download wurde als %2 gespeichert</translation>
    </message>
</context>
<context>
    <name>bytehaul::cli::CliOptions</name>
    <message>
        <source>Download files over HTTP(S) with many parallel connections.
Unfinished downloads continue where they stopped when the same command runs again.
Exit codes: 0 all downloads completed, 1 a download failed, 2 bad usage,
3 interrupted (Ctrl+C): progress saved, run the same command again to resume.</source>
        <translation>Lädt Dateien über HTTP(S) mit vielen parallelen Verbindungen herunter.
Unfertige Downloads gehen dort weiter, wo sie aufgehört haben, wenn derselbe Befehl erneut läuft.
Exit-Codes: 0 alle Downloads fertig, 1 ein Download ist fehlgeschlagen, 2 falscher Aufruf,
3 unterbrochen (Strg+C): Fortschritt gespeichert, derselbe Befehl setzt fort.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe zeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version zeigen.</translation>
    </message>
    <message>
        <source>Save to FILE (one URL only).</source>
        <translation>In FILE speichern (nur eine URL).</translation>
    </message>
    <message>
        <source>Save into DIR (default: the current directory).</source>
        <translation>In DIR speichern (Standard: das aktuelle Verzeichnis).</translation>
    </message>
    <message>
        <source>Downloads running at once (default 5).</source>
        <translation>Gleichzeitig laufende Downloads (Standard 5).</translation>
    </message>
    <message>
        <source>Read URLs from FILE, one per line (&apos;-&apos; for standard input).</source>
        <translation>URLs aus FILE lesen, eine pro Zeile (&apos;-&apos; für die Standardeingabe).</translation>
    </message>
    <message>
        <source>Piece size, e.g. 1M (default 1M).</source>
        <translation>Stückgröße, z. B. 1M (Standard 1M).</translation>
    </message>
    <message>
        <source>Memory for unwritten data per download, e.g. 16M (default 16M).</source>
        <translation>Speicher für noch nicht geschriebene Daten pro Download, z. B. 16M (Standard 16M).</translation>
    </message>
    <message>
        <source>Extra request header &apos;Name: value&apos; (repeatable).</source>
        <translation>Zusätzliche Anfrage-Kopfzeile &apos;Name: Wert&apos; (wiederholbar).</translation>
    </message>
    <message>
        <source>User-Agent header.</source>
        <translation>User-Agent-Kopfzeile.</translation>
    </message>
    <message>
        <source>Print errors only.</source>
        <translation>Nur Fehler ausgeben.</translation>
    </message>
    <message>
        <source>Start over even when an unfinished download of the same URL is found.</source>
        <translation>Von vorn beginnen, auch wenn ein unfertiger Download derselben URL gefunden wird.</translation>
    </message>
    <message>
        <source>When resuming, check the CRC32 of every piece already on disk.</source>
        <translation>Beim Fortsetzen die CRC32 jedes Stücks prüfen, das schon auf der Platte ist.</translation>
    </message>
    <message>
        <source>Check the finished file: ALGO=HEX with md5, sha1, sha256 or sha512 (one URL only).</source>
        <translation>Die fertige Datei prüfen: ALGO=HEX mit md5, sha1, sha256 oder sha512 (nur eine URL).</translation>
    </message>
    <message>
        <source>Retries per request or segment (default 5).</source>
        <translation>Wiederholungen pro Anfrage oder Abschnitt (Standard 5).</translation>
    </message>
    <message>
        <source>Base of the exponential back-off, in seconds (default 1).</source>
        <translation>Basis der exponentiellen Wartezeit, in Sekunden (Standard 1).</translation>
    </message>
    <message>
        <source>Seconds to wait for an answer to a request (default 30).</source>
        <translation>Sekunden, die auf die Antwort auf eine Anfrage gewartet wird (Standard 30).</translation>
    </message>
    <message>
        <source>Seconds without data before a connection is retried (default 60).</source>
        <translation>Sekunden ohne Daten, bevor eine Verbindung neu versucht wird (Standard 60).</translation>
    </message>
    <message>
        <source>Also trust the CA certificate(s) in this PEM file. Certificate checks are never switched off.</source>
        <translation>Zusätzlich den CA-Zertifikaten in dieser PEM-Datei vertrauen. Zertifikatsprüfungen werden nie abgeschaltet.</translation>
    </message>
    <message>
        <source>Send the cookies from this Netscape cookies.txt file.</source>
        <translation>Die Cookies aus dieser Netscape-cookies.txt-Datei senden.</translation>
    </message>
    <message>
        <source>Speed limit per download, e.g. 2M (bytes per second).</source>
        <translation>Geschwindigkeitsgrenze pro Download, z. B. 2M (Bytes pro Sekunde).</translation>
    </message>
    <message>
        <source>Speed limit for all downloads together, e.g. 10M.</source>
        <translation>Geschwindigkeitsgrenze für alle Downloads zusammen, z. B. 10M.</translation>
    </message>
    <message>
        <source>Keep the partial file and its control file when a download is cancelled.</source>
        <translation>Die Teildatei und ihre Steuerdatei behalten, wenn ein Download abgebrochen wird.</translation>
    </message>
    <message>
        <source>Addresses to download.</source>
        <translation>Herunterzuladende Adressen.</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein, nicht &apos;%4&apos;</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 muss eine Sekundenzahl von %2 bis %3 sein, nicht &apos;%4&apos;</translation>
    </message>
    <message>
        <source>--proxy must look like http://host:port or socks5://host:port, not &apos;%1&apos;</source>
        <translation>--proxy muss wie http://host:port oder socks5://host:port aussehen, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate %1: %2</source>
        <translation>Das CA-Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>Cannot read the cookie file %1: %2</source>
        <translation>Die Cookie-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Netscape cookie file: %2</source>
        <translation>%1 ist keine Netscape-Cookie-Datei: %2</translation>
    </message>
    <message>
        <source>--save-interval must be a number of seconds above 0 (and at most 3600), not &apos;%1&apos;</source>
        <translation>--save-interval muss eine Sekundenzahl über 0 (und höchstens 3600) sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--checksum must look like sha256=&lt;64 hex digits&gt; (md5, sha1, sha256 or sha512), not &apos;%1&apos;</source>
        <translation>--checksum muss wie sha256=&lt;64 Hex-Ziffern&gt; aussehen (md5, sha1, sha256 oder sha512), nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot read the input file %1: %2</source>
        <translation>Die Eingabedatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No URL given. Try --help.</source>
        <translation>Keine URL angegeben. Siehe --help.</translation>
    </message>
    <message>
        <source>--checksum takes one URL.</source>
        <translation>--checksum gilt für genau eine URL.</translation>
    </message>
    <message>
        <source>-o/--output takes one URL; use -d/--dir for several.</source>
        <translation>-o/--output gilt für eine URL; für mehrere -d/--dir verwenden.</translation>
    </message>
    <message>
        <source>Not an http or https URL: &apos;%1&apos;</source>
        <translation>Keine http- oder https-URL: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Give up after this many seconds of failing retries without any data (default 60).</source>
        <translation>Nach so vielen Sekunden fehlschlagender Wiederholungen ohne Daten aufgeben (Standard 60).</translation>
    </message>
    <message>
        <source>Seconds between saves of the control file (default 1).</source>
        <translation>Sekunden zwischen zwei Sicherungen der Steuerdatei (Standard 1).</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a size from %3 to %4 (use a number with K, M or G)</source>
        <translation>--%1: „%2“ ist keine Größe von %3 bis %4 (eine Zahl mit K, M oder G angeben)</translation>
    </message>
    <message>
        <source>--header must look like &apos;Name: value&apos; with a name of letters, digits and -_.!#$%&amp;&apos;*+^`|~ and no line break, not &apos;%1&apos;</source>
        <translation>--header muss die Form „Name: Wert“ haben, mit einem Namen aus Buchstaben, Ziffern und -_.!#$%&amp;&apos;*+^`|~ und ohne Zeilenumbruch, nicht „%1“</translation>
    </message>
    <message>
        <source>--user-agent must not hold a line break or control character</source>
        <translation>--user-agent darf keinen Zeilenumbruch und kein Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>-o/--output needs a file name.</source>
        <translation>-o/--output braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>-o/--output needs a file name, and &apos;%1&apos; is a folder; use -d/--dir to save into a folder.</source>
        <translation>-o/--output braucht einen Dateinamen, und „%1“ ist ein Ordner; zum Speichern in einen Ordner -d/--dir verwenden.</translation>
    </message>
    <message>
        <source>Proxy: http://host:port, socks5://host:port (names resolved here) or socks5h://host:port (names resolved by the proxy); user:password@ before the host when it asks (never printed or saved). Default: http_proxy, https_proxy, all_proxy, no_proxy from the environment.</source>
        <translation>Proxy: http://host:port, socks5://host:port (Namen werden hier aufgelöst) oder socks5h://host:port (Namen löst der Proxy auf); benutzer:passwort@ vor dem Host, wenn er danach fragt (nie ausgegeben oder gespeichert). Standard: http_proxy, https_proxy, all_proxy, no_proxy aus der Umgebung.</translation>
    </message>
    <message>
        <source>Connections per download, 1-64 (default: 8, and more while they help, up to 16).</source>
        <translation>Verbindungen pro Download, 1-64 (Standard: 8, und mehr, solange sie helfen, bis zu 16).</translation>
    </message>
    <message>
        <source>Add connections while each one makes the download faster, up to N (1-64; default: 16 without -c, no more than -c with it).</source>
        <translation>Verbindungen hinzufügen, solange jede den Download schneller macht, bis zu N (1-64; Standard: 16 ohne -c, mit -c nicht mehr als -c).</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::AddDialog</name>
    <message>
        <source>Add paused</source>
        <translation>Angehalten hinzufügen</translation>
    </message>
    <message>
        <source>Add downloads</source>
        <translation>Downloads hinzufügen</translation>
    </message>
    <message>
        <source>One address per line, e.g. https://example.org/file.iso</source>
        <translation>Eine Adresse pro Zeile, z. B. https://example.org/file.iso</translation>
    </message>
    <message>
        <source>From the server (one URL only)</source>
        <translation>Vom Server (nur bei einer URL)</translation>
    </message>
    <message>
        <source>Optional: sha256=… (md5, sha1, sha256, sha512)</source>
        <translation>Optional: sha256=… (md5, sha1, sha256, sha512)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Addresses:</source>
        <translation>&amp;Adressen:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Datei&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>&amp;Verbindungen:</translation>
    </message>
    <message>
        <source>Check&amp;sum:</source>
        <translation>&amp;Prüfsumme:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Save downloads in</source>
        <translation>Downloads speichern in</translation>
    </message>
    <message>
        <source>The checksum must look like sha256= followed by 64 hex digits.</source>
        <translation>Die Prüfsumme muss wie sha256= gefolgt von 64 Hex-Ziffern aussehen.</translation>
    </message>
    <message>
        <source>A checksum applies to one address only.</source>
        <translation>Eine Prüfsumme gilt nur für eine Adresse.</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>Use this folder from now on</source>
        <translation>Diesen Ordner ab jetzt verwenden</translation>
    </message>
    <message>
        <source>Add them again anyway</source>
        <translation>Trotzdem erneut hinzufügen</translation>
    </message>
    <message>
        <source>Return adds a single address; Ctrl+Return adds several; Shift+Return starts a new line.</source>
        <translation>Eingabe fügt eine einzelne Adresse hinzu; Strg+Eingabe fügt mehrere hinzu; Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Already in the list: %1</source>
        <translation>Schon in der Liste: %1</translation>
    </message>
    <message numerus="yes">
        <source>Add %n</source>
        <translation>
            <numerusform>%n hinzufügen</numerusform>
            <numerusform>%n hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by name or address</source>
        <translation>Nach Name oder Adresse filtern</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>Alle ankreuzen</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>Keinen ankreuzen</translation>
    </message>
    <message>
        <source>&amp;Links:</source>
        <translation>&amp;Links:</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Disc images</source>
        <translation>Datenträgerabbilder</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Types from Preferences</source>
        <translation>Typen aus den Einstellungen</translation>
    </message>
    <message>
        <source>All links</source>
        <translation>Alle Links</translation>
    </message>
    <message>
        <source>Download links from the page</source>
        <translation>Links der Seite herunterladen</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::DetailsPane</name>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Saved to:</source>
        <translation>Gespeichert in:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Validators:</source>
        <translation>Validatoren:</translation>
    </message>
    <message>
        <source>Checksum:</source>
        <translation>Prüfsumme:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Hinweis:</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>
→ %1</source>
        <translation>
→ %1</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 bytes)</source>
        <translation>%1 von %2 (%3 Bytes)</translation>
    </message>
    <message>
        <source>ETag %1</source>
        <translation>ETag %1</translation>
    </message>
    <message>
        <source>modified %1</source>
        <translation>geändert am %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>#%1 (racing)</source>
        <translation>#%1 (im Wettlauf)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::DownloadListModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Conn.</source>
        <comment>column header: connections</comment>
        <translation>Verb.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s (attempt %1)</source>
        <translation>
            <numerusform>Neuer Versuch in %n s (Versuch %1)</numerusform>
            <numerusform>Neuer Versuch in %n s (Versuch %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s (attempt %1): %2</source>
        <translation>
            <numerusform>Neuer Versuch in %n s (Versuch %1): %2</numerusform>
            <numerusform>Neuer Versuch in %n s (Versuch %1): %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::MainWindow</name>
    <message>
        <source>bytehaul</source>
        <translation>bytehaul</translation>
    </message>
    <message>
        <source>Download complete</source>
        <translation>Download fertig</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Download fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New address accepted for %1: %2</source>
        <translation>Neue Adresse für %1 angenommen: %2</translation>
    </message>
    <message>
        <source>Address not replaced</source>
        <translation>Adresse nicht ersetzt</translation>
    </message>
    <message>
        <source>The new address was refused for %1:
%2</source>
        <translation>Die neue Adresse wurde für %1 abgelehnt:
%2</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add from &amp;clipboard</source>
        <translation>Aus der &amp;Zwischenablage hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>Datei ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>Replace a&amp;ddress…</source>
        <translation>Adresse &amp;ersetzen…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Verify and resume</source>
        <translation>&amp;Prüfen und fortsetzen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Connections for the selected download(s):</source>
        <translation>Verbindungen für die gewählten Downloads:</translation>
    </message>
    <message>
        <source>Speed &amp;limit…</source>
        <translation>Geschwindigkeits&amp;grenze…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Resume a&amp;ll</source>
        <translation>A&amp;lle fortsetzen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>Pause al&amp;l</source>
        <translation>Alle an&amp;halten</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About bytehaul</source>
        <translation>Ü&amp;ber bytehaul</translation>
    </message>
    <message>
        <source>About bytehaul</source>
        <translation>Über bytehaul</translation>
    </message>
    <message>
        <source>&lt;b&gt;bytehaul %1&lt;/b&gt;&lt;p&gt;Fast, safe multi-connection downloads.&lt;/p&gt;&lt;p&gt;Unfinished downloads continue from their control files after a pause, a crash or a reboot.&lt;/p&gt;</source>
        <translation>&lt;b&gt;bytehaul %1&lt;/b&gt;&lt;p&gt;Schnelle, sichere Downloads über viele Verbindungen.&lt;/p&gt;&lt;p&gt;Unfertige Downloads gehen nach einer Pause, einem Absturz oder einem Neustart anhand ihrer Steuerdateien weiter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Downloads</source>
        <translation>Down&amp;loads</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Search by name or address</source>
        <translation>Nach Name oder Adresse suchen</translation>
    </message>
    <message>
        <source>bytehaul is still running</source>
        <translation>bytehaul läuft weiter</translation>
    </message>
    <message>
        <source>Downloads continue in the background. Quit from the tray menu.</source>
        <translation>Die Downloads laufen im Hintergrund weiter. Beenden über das Menü im Infobereich.</translation>
    </message>
    <message>
        <source>Quit bytehaul?</source>
        <translation>bytehaul beenden?</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are running. Quit anyway? They are saved and continue where they stopped next time.</source>
        <translation>
            <numerusform>%n Download läuft. Trotzdem beenden? Er wird gespeichert und geht beim nächsten Mal dort weiter, wo er aufgehört hat.</numerusform>
            <numerusform>%n Downloads laufen. Trotzdem beenden? Sie werden gespeichert und gehen beim nächsten Mal dort weiter, wo sie aufgehört haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 ist nicht verwendbar: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n aktiv</numerusform>
            <numerusform>%n aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>bytehaul: %1/s, %2</source>
        <translation>bytehaul: %1/s, %2</translation>
    </message>
    <message>
        <source>Could not save the download list: %1</source>
        <translation>Die Download-Liste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Warning: %1; starting with an empty list.</source>
        <translation>Warnung: %1; es geht mit einer leeren Liste los.</translation>
    </message>
    <message>
        <source>The clipboard holds no http or https address.</source>
        <translation>Die Zwischenablage enthält keine http- oder https-Adresse.</translation>
    </message>
    <message>
        <source>Remove downloads</source>
        <translation>Downloads entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n download(s) from the list?</source>
        <translation>
            <numerusform>%n Download aus der Liste entfernen?</numerusform>
            <numerusform>%n Downloads aus der Liste entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace address</source>
        <translation>Adresse ersetzen</translation>
    </message>
    <message>
        <source>New address for %1 (it must serve the same file):</source>
        <translation>Neue Adresse für %1 (sie muss dieselbe Datei liefern):</translation>
    </message>
    <message>
        <source>Speed limit</source>
        <translation>Geschwindigkeitsgrenze</translation>
    </message>
    <message>
        <source>Speed limit for the selected download(s), in KiB/s (0: none):</source>
        <translation>Geschwindigkeitsgrenze für die gewählten Downloads, in KiB/s (0: keine):</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate %1: %2</source>
        <translation>Das CA-Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Download the copied link?</source>
        <translation>Den kopierten Link herunterladen?</translation>
    </message>
    <message>
        <source>%1
Click here to download.</source>
        <translation>%1
Zum Herunterladen hier klicken.</translation>
    </message>
    <message>
        <source>Copied: %1. Press %2 to download.</source>
        <translation>Kopiert: %1. Zum Herunterladen %2 drücken.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>status bar: active, queued</comment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … und %n weitere</numerusform>
            <numerusform>  … und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel downloads</source>
        <translation>Downloads abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n download(s)?</source>
        <translation>
            <numerusform>%n Download abbrechen?</numerusform>
            <numerusform>%n Downloads abbrechen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel, &amp;keep the partial files</source>
        <translation>Abbrechen, Teildateien &amp;behalten</translation>
    </message>
    <message>
        <source>%1 already downloaded is on disk in:
%2

Kept files let Retry continue where the download stopped.</source>
        <translation>%1 bereits heruntergeladen liegt auf der Festplatte in:
%2

Behaltene Dateien lassen „Erneut versuchen“ dort weitermachen, wo der Download aufhörte.</translation>
    </message>
    <message>
        <source>Cancel and &amp;delete these files</source>
        <translation>Abbrechen und diese Dateien &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t cancel</source>
        <translation>&amp;Nicht abbrechen</translation>
    </message>
    <message>
        <source>The files stay on disk unless you check the box:
%1</source>
        <translation>Die Dateien bleiben auf der Festplatte, außer Sie setzen das Häkchen:
%1</translation>
    </message>
    <message numerus="yes">
        <source>Also delete these %n file(s) from the disk</source>
        <translation>
            <numerusform>Auch diese %n Datei von der Festplatte löschen</numerusform>
            <numerusform>Auch diese %n Dateien von der Festplatte löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to &amp;top</source>
        <translation>Ganz nach &amp;oben</translation>
    </message>
    <message>
        <source>Ctrl+Home</source>
        <translation>Ctrl+Home</translation>
    </message>
    <message>
        <source>Move to &amp;bottom</source>
        <translation>Ganz nach unt&amp;en</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>&amp;Start now</source>
        <translation>&amp;Jetzt starten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>category and its count</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n angehalten</numerusform>
            <numerusform>%n angehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed or cancelled</source>
        <translation>
            <numerusform>%n fehlgeschlagen oder abgebrochen</numerusform>
            <numerusform>%n fehlgeschlagen oder abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>status bar: separator</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::PreferencesDialog</name>
    <message>
        <source>Continue unfinished downloads when bytehaul starts</source>
        <translation>Unfertige Downloads beim Start von bytehaul fortsetzen</translation>
    </message>
    <message>
        <source>Dropped links start at once (otherwise the Add dialog opens)</source>
        <translation>Abgelegte Links starten sofort (sonst öffnet sich der Hinzufügen-Dialog)</translation>
    </message>
    <message>
        <source>Closing the window keeps downloads running in the tray</source>
        <translation>Beim Schließen des Fensters laufen Downloads im Infobereich weiter</translation>
    </message>
    <message>
        <source>Tell me when a download completes or fails</source>
        <translation>Melden, wenn ein Download fertig ist oder fehlschlägt</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Default folder</source>
        <translation>Standardordner</translation>
    </message>
    <message>
        <source>Default &amp;folder:</source>
        <translation>Standard&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;Connections per download:</source>
        <translation>&amp;Verbindungen pro Download:</translation>
    </message>
    <message>
        <source>Downloads at &amp;once:</source>
        <translation>&amp;Gleichzeitige Downloads:</translation>
    </message>
    <message>
        <source>Overall speed &amp;limit:</source>
        <translation>Gesamte Geschwindigkeits&amp;grenze:</translation>
    </message>
    <message>
        <source>System setting (http_proxy, ...), or http://host:port, socks5://host:port</source>
        <translation>Systemeinstellung (http_proxy, ...) oder http://host:port, socks5://host:port</translation>
    </message>
    <message>
        <source>Optional PEM file; certificates are always checked</source>
        <translation>Optionale PEM-Datei; Zertifikate werden immer geprüft</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Extra &amp;CA certificate:</source>
        <translation>Zusätzliches &amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Start in the tray</source>
        <translation>Im Infobereich starten</translation>
    </message>
    <message>
        <source>Offer to download links to files when they are copied</source>
        <translation>Kopierte Links auf Dateien zum Herunterladen anbieten</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The clipboard is only read, never changed.</source>
        <translation>Die Zwischenablage wird nur gelesen, nie verändert.</translation>
    </message>
    <message>
        <source>Speed limit per &amp;new download:</source>
        <translation>Grenze pro &amp;neuem Download:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>A download whose server cannot be reached fails after this long without data; what it downloaded stays on disk, and Resume continues it.</source>
        <translation>Ein Download, dessen Server nicht erreichbar ist, schlägt nach so langer Zeit ohne Daten fehl; was er heruntergeladen hat, bleibt auf der Festplatte, und „Fortsetzen“ macht weiter.</translation>
    </message>
    <message>
        <source>&amp;Give up without data after:</source>
        <translation>Ohne Daten &amp;aufgeben nach:</translation>
    </message>
    <message>
        <source>Take over downloads from my web browsers</source>
        <translation>Downloads aus meinen Webbrowsern übernehmen</translation>
    </message>
    <message>
        <source>Show the Add dialog first (otherwise they start at once)</source>
        <translation>Zuerst den Hinzufügen-Dialog zeigen (sonst starten sie sofort)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Browser integration</source>
        <translation>&amp;Browser-Integration</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>Jeder Typ</translation>
    </message>
    <message>
        <source>File name endings, separated by spaces or commas, e.g. iso zip mp4. Empty: every type.</source>
        <translation>Dateiendungen, durch Leerzeichen oder Kommas getrennt, z. B. iso zip mp4. Leer: jeder Typ.</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Any size</source>
        <translation>Jede Größe</translation>
    </message>
    <message>
        <source>File &amp;types:</source>
        <translation>Datei&amp;typen:</translation>
    </message>
    <message>
        <source>&amp;Smallest size:</source>
        <translation>&amp;Mindestgröße:</translation>
    </message>
    <message>
        <source>Hold Alt while clicking a link to let the browser download it itself. The browser extension needs bytehaul&apos;s helper registered with each browser:</source>
        <translation>Halten Sie beim Klicken auf einen Link Alt gedrückt, damit der Browser ihn selbst herunterlädt. Die Browser-Erweiterung braucht den bei jedem Browser angemeldeten bytehaul-Helfer:</translation>
    </message>
    <message>
        <source>Set &amp;up for my browsers</source>
        <translation>Für meine Browser &amp;einrichten</translation>
    </message>
    <message>
        <source>A server that limits each connection gives more for more connections: while every connection is busy, one more is added as long as the last one made the download faster.</source>
        <translation>Ein Server, der jede Verbindung begrenzt, liefert mit mehr Verbindungen mehr: Solange alle Verbindungen beschäftigt sind, wird eine weitere hinzugefügt, sofern die letzte den Download schneller gemacht hat.</translation>
    </message>
    <message>
        <source>Add connections while they &amp;help, up to:</source>
        <translation>Verbindungen hinzufügen, solange sie helfen, bis &amp;zu:</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::QueueStore</name>
    <message>
        <source>the download list is damaged (%1)</source>
        <translation>die Download-Liste ist beschädigt (%1)</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::SegmentMapWidget</name>
    <message>
        <source>The file as a bar: filled pieces are complete; each connection has its own colour.</source>
        <translation>Die Datei als Balken: gefüllte Stücke sind fertig; jede Verbindung hat ihre eigene Farbe.</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::TrayIcon</name>
    <message>
        <source>Show or hide the window</source>
        <translation>Fenster zeigen oder verbergen</translation>
    </message>
    <message>
        <source>bytehaul</source>
        <translation>bytehaul</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::UrlInput</name>
    <message>
        <source>line %1: only http and https addresses can be downloaded (%2)</source>
        <translation>Zeile %1: nur http- und https-Adressen können heruntergeladen werden (%2)</translation>
    </message>
    <message>
        <source>line %1: not a valid address (%2)</source>
        <translation>Zeile %1: keine gültige Adresse (%2)</translation>
    </message>
    <message>
        <source>not a downloadable address: %1</source>
        <translation>keine herunterladbare Adresse: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>bytehaul download manager</source>
        <translation>bytehaul Download-Manager</translation>
    </message>
    <message>
        <source>Addresses to download.</source>
        <translation>Herunterzuladende Adressen.</translation>
    </message>
    <message>
        <source>Start hidden in the system tray.</source>
        <translation>Versteckt im Infobereich starten.</translation>
    </message>
    <message>
        <source>The browser helper %1 is missing: reinstall bytehaul.</source>
        <translation>Der Browserhelfer %1 fehlt: installieren Sie bytehaul neu.</translation>
    </message>
    <message>
        <source>Done. Install bytehaul&apos;s extension in your browser (see the README); it finds bytehaul through these files:</source>
        <translation>Fertig. Installieren Sie die bytehaul-Erweiterung in Ihrem Browser (siehe README); sie findet bytehaul über diese Dateien:</translation>
    </message>
    <message>
        <source>Some browsers could not be set up:</source>
        <translation>Einige Browser konnten nicht eingerichtet werden:</translation>
    </message>
    <message>
        <source>Register bytehaul&apos;s browser helper with your web browsers (for this user) and exit.</source>
        <translation>Den bytehaul-Browserhelfer bei Ihren Webbrowsern anmelden (für diesen Benutzer) und beenden.</translation>
    </message>
    <message>
        <source>The extension for Chromium, Chrome, Brave, Vivaldi and Edge: %1 (Extensions, Developer mode, Load unpacked).</source>
        <translation>Die Erweiterung für Chromium, Chrome, Brave, Vivaldi und Edge: %1 (Erweiterungen, Entwicklermodus, Entpackte Erweiterung laden).</translation>
    </message>
    <message>
        <source>The extension for Firefox: %1.</source>
        <translation>Die Erweiterung für Firefox: %1.</translation>
    </message>
    <message>
        <source>A download from the browser came too late and stays in the browser: %1</source>
        <translation>Ein Download aus dem Browser kam zu spät und bleibt im Browser: %1</translation>
    </message>
</context>
</TS>
